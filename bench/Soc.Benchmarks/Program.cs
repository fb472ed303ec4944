using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Soc.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Soc.Benchmarks -- parsing-throughput   (lines per CPU-second, see Parsing/ParsingThroughput.cs)
if (args is ["parsing-throughput", ..])
{
    Soc.Benchmarks.Parsing.ParsingThroughput.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
