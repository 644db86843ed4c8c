using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/MemFw.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
