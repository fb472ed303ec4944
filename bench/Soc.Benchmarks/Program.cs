using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Soc.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Soc.Benchmarks -- --detection-report   (figures BenchmarkDotNet does not give)
if (args is ["--detection-report"])
{
    Soc.Benchmarks.Detection.DetectionReport.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
