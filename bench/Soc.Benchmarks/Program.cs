using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Soc.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
