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
}
