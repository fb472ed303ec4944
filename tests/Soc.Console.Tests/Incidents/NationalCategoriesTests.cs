using Soc.Console.Incidents;
using FormRows = Soc.Console.Exports.Model.NationalCategories;

namespace Soc.Console.Tests.Incidents;

public sealed class NationalCategoriesTests
{
    [Fact]
    public void EveryIncidentCategoryHasItsRowOnTheReportForm()
    {
        Assert.Equal(NationalCategories.All.Keys.Order(StringComparer.Ordinal), NationalCategories.InFormOrder.Order(StringComparer.Ordinal));
        Assert.Equal(FormRows.All.Count, NationalCategories.InFormOrder.Count);
    }

    [Theory]
    [InlineData("denial-of-service", "Từ chối dịch vụ")]
    [InlineData("unauthorised-access", "Truy cập trái phép, chiếm quyền điều khiển")]
    [InlineData("ransomware", "Mã hóa phần mềm, dữ liệu, thiết bị")]
    [InlineData("data-theft", "Nghe trộm, gián điệp, lấy cắp thông tin, dữ liệu")]
    [InlineData(null, "Các hình thức tấn công khác")]
    [InlineData("not-a-category", "Các hình thức tấn công khác")]
    public void MapsACategoryToTheFormRowOfTheSameName(string? slug, string formRow) =>
        Assert.Equal(formRow, FormRows.Get(NationalCategories.FormCode(slug)).NameVi);
}
