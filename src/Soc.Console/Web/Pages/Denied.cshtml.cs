using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Soc.Console.Web.Pages;

/// <summary>Where a signed-in user lands (with 403) when their role does not allow an action.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
