using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Soc.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Soc.Benchmarks -- --detection-report   (figures BenchmarkDotNet does not give)
// dotnet run -c Release --project bench/Soc.Benchmarks -- parsing-throughput   (lines per CPU-second, see Parsing/ParsingThroughput.cs)
// dotnet run -c Release --project bench/Soc.Benchmarks -- store-throughput [events] [group]   (the SQLite store alone, see Storage/StoreThroughput.cs)
// dotnet run -c Release --project bench/Soc.Benchmarks -- store-scale [events] [rounds] [folder]   (console reads at 10M events, see Storage/StoreScale.cs)
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

if (args is ["store-scale", .. var scale])
{
    Soc.Benchmarks.Storage.StoreScale.Run(Console.Out, scale);
    return;
}

if (args is ["store-throughput", .. var rest])
{
    Soc.Benchmarks.Storage.StoreThroughput.Run(Console.Out, rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Soc.Benchmarks.Storage.StoreThroughput).Assembly).Run(args);
