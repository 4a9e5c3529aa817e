import Glibc

/// The command line as the kernel gave it. Swift decodes each argument as UTF-8, putting U+FFFD
/// for each byte that is not: a path that is not UTF-8 then names another file (a database
/// created beside the one meant, a log reported missing that exists).
public enum RawArguments {
    /// The positions (0 is the program) of the arguments that are not valid UTF-8.
    public static func notUTF8() -> [Int] {
        (0..<Int(CommandLine.argc)).filter { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return false }
            return String(validatingCString: argument) == nil
        }
    }

    /// Those of these environment variables that are set but not valid UTF-8 (a path in one
    /// would name another file, as an argument's would).
    public static func notUTF8(environment names: [String]) -> [String] {
        names.filter { name in
            guard let value = getenv(name) else { return false }
            return String(validatingCString: value) == nil
        }
    }
}
