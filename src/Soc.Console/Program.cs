using Soc.Console.Cli;

// soc [serve] [--demo] | soc agency add … | soc user add … | soc token create … (docs/cli.md)
return await CenterCommands.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
