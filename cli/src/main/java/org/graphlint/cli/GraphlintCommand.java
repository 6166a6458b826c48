package org.graphlint.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.graphlint.parser.Text;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code graphlint} command: a thin layer over the parser, schema and validator libraries.
 *
 * <p>This command, {@code validate} (the one CI runs thousands of times) and {@code lint} (a docs CI step's) declare
 * their options through picocli's programmatic API instead of annotations: reading annotations at start-up makes the
 * JDK generate a proxy class per annotation type and parse every annotated member, mostly interpreted, which cost
 * about 95 ms of a run's CPU (about 205 ms against 110 ms to build and parse the command line; Pc5 probe in the issue 4
 * note; for lint, 95 ms against ~65 ms). The rarely run commands keep their annotations.
 */
public final class GraphlintCommand implements Runnable {

    private CommandSpec spec;

    /** The root command's model. */
    static CommandSpec newSpec() {
        GraphlintCommand c = new GraphlintCommand();
        CommandSpec s = CommandSpec.wrapWithoutInspection(c);
        c.spec = s;
        s.name("graphlint");
        s.versionProvider(new Version());
        s.exitCodeOnInvalidInput(ExitCode.USAGE_OR_INPUT);
        s.exitCodeOnExecutionException(ExitCode.USAGE_OR_INPUT);
        s.usageMessage()
                .description("Localized Microsoft Graph reference pages to versioned JSON Schemas, and payload checks against them.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes(
                        "0", "no findings at or above --fail-on",
                        "1", "findings at or above --fail-on",
                        "2", "usage error or unreadable input"));
        helpOptions(s, "Show this help message and exit.", "Print graphlint's version and exit.");
        return s;
    }

    /** {@code -h/--help} and {@code -V/--version}, as mixinStandardHelpOptions declares them, without its annotations. */
    static void helpOptions(CommandSpec s, String help, String version) {
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description(help).build());
        s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description(version).build());
    }

    /** A string option of a command modelled without annotations; {@code defaultValue} may be null. */
    static OptionSpec stringOption(String name, String label, String defaultValue, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).defaultValue(defaultValue)
                .description(description).build();
    }

    /** An exit-code list for a usage message, in the given order: code, text, code, text... */
    static Map<String, String> exitCodes(String... codeAndText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndText.length; i += 2) {
            m.put(codeAndText[i], codeAndText[i + 1]);
        }
        return m;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'graphlint --help'");
    }

    public static void main(String[] args) {
        ValidateCommand.preload(args);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The subcommands, by name, created only when used. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("parse", ParseCommand::new);
        m.put("validate", ValidateCommand::newSpec);
        m.put("schemas", SchemasCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("lint", LintCommand::newSpec);
        m.put("locales", LocalesCommand::new);
        m.put("english", EnglishCommand::new);
        m.put("convert", ConvertCommand::new);
        m.put("export", ExportCommand::new);
        m.put("examples", ExamplesCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /**
     * The command line for these arguments. picocli builds the model of every subcommand it is given, by reflection and
     * mostly interpreted at start-up (about 0.2 s for the four here); when the first argument names a subcommand only
     * that one is needed, so only it is added. Anything else (no arguments, {@code --help}, a typo that wants
     * suggestions, {@code help}) gets the whole tree.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(newSpec());
        String first = args.length == 0 ? "" : args[0];
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
        }
        return cl;
    }

    private static final ThreadLocal<java.io.InputStream> STDIN = new ThreadLocal<>();

    /** Standard input of the running command: {@code System.in}, or the stream a caller of execute gave. */
    static java.io.InputStream stdin() {
        java.io.InputStream in = STDIN.get();
        return in == null ? System.in : in;
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, reading standard input ({@code -}) from {@code in}. */
    public static int execute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        STDIN.set(in);
        try {
            return execute(args, out, err);
        } finally {
            STDIN.remove();
        }
    }

    /** Runs one command line with the given streams and returns its exit code; never throws. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // One line, never a stack trace: what failed and why.
            commandLine.getErr().println("graphlint: " + Text.oneLine(ex));
            commandLine.getErr().flush();
            return ExitCode.USAGE_OR_INPUT;
        });
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, given) -> {
            if (ex.getCause() instanceof Choices.UnknownChoice c) {
                // enum-typed options (validate's, parse's and diff's --fail-on): one line naming the accepted values, no usage.
                ex.getCommandLine().getErr().println("graphlint " + ex.getCommandLine().getCommandName() + ": "
                        + c.getMessage());
                ex.getCommandLine().getErr().flush();
                return ExitCode.USAGE_OR_INPUT;
            }
            return usage.handleParseException(ex, given);
        });
        try {
            return cl.execute(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("graphlint: " + Text.oneLine(e));
            err.flush();
            return ExitCode.USAGE_OR_INPUT;
        }
    }


    /** The tool's version, as the build wrote it; every command's {@code -V}/{@code --version} prints it. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"graphlint " + org.graphlint.validate.GraphlintVersion.get()};
        }
    }
}
