#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide signal dispositions.
public enum ProcessSignals {
    /// A reader that went away (`| head`, an --exec command that never reads) must be an EPIPE
    /// error where the write happens, not a silent death by SIGPIPE: as under systemd, which
    /// ignores SIGPIPE for its services anyway.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }
}
