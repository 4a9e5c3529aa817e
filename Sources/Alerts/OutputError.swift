import Foundation
import Native

/// Foundation's write errors carry errno underneath a generic Cocoa code: this gets it back, so
/// that a reader that went away (EPIPE) can be told from a full disk, and a message can say
/// what happened in the system's words.
public enum OutputError {
    public static func errno(of error: Error) -> Int32? {
        if let system = error as? SystemError { return system.code }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }

    public static func isBrokenPipe(_ error: Error) -> Bool { errno(of: error) == SystemError.brokenPipe }

    /// "Broken pipe", "No space left on device", ... or Foundation's own text.
    public static func reason(_ error: Error) -> String {
        errno(of: error).map(SystemError.text) ?? "\(error)"
    }
}
