using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Soc.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Soc.Benchmarks -- --detection-report   (figures BenchmarkDotNet does not give)
// dotnet run -c Release --project bench/Soc.Benchmarks -- parsing-throughput   (lines per CPU-second, see Parsing/ParsingThroughput.cs)
if (args is ["--detection-report"])
{
    Soc.Benchmarks.Detection.DetectionReport.Run(Console.Out);
    return;
}

if (args is ["parsing-throughput", ..])
{
    Soc.Benchmarks.Parsing.ParsingThroughput.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
