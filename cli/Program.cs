using MemFw.Cli;

return MemFwApp.Run(args, CliConsole.FromSystem());
