package org.edulake.cli;

import java.util.concurrent.Callable;
import org.edulake.config.UsageException;
import org.edulake.pipeline.BatchRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ./edulake: one entry point; catches once and maps the outcome to an exit code (SPEC §8). */
@Command(name = "edulake", mixinStandardHelpOptions = true,
    description = "EduLake: warehouse of methodological work in schools",
    subcommands = {DemoCommand.class, GenerateCommand.class, RunCommand.class,
        ValidateCommand.class})
public final class Main implements Callable<Integer> {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int BATCH_REJECTED = 2;
  public static final int USAGE = 64;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return USAGE;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command in-process and returns its exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println(ex.getMessage());
      ex.getCommandLine().usage(System.err);
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UsageException) {
        System.err.println("Ошибка в параметрах: " + ex.getMessage());
        return USAGE;
      }
      if (ex instanceof BatchRejectedException) {
        System.err.println(ex.getMessage());
        return BATCH_REJECTED;
      }
      ex.printStackTrace(System.err);
      return INTERNAL_ERROR;
    });
    return cli.execute(args);
  }
}
