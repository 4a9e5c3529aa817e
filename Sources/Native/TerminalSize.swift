#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of the terminal behind a file descriptor, as `ls` and `ps` ask for it: query tables
/// are laid out to fit it.
public enum TerminalSize {
    /// Columns of the terminal on `descriptor`, or nil when it is no terminal (a pipe, a file)
    /// or the terminal does not say (0 columns: a serial console before `stty cols`).
    public static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
