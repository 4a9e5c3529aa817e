import Glibc

/// Standard input, output and error as a process started with some of them closed finds them.
/// The next descriptor opened takes the lowest free number: an inotify or epoll descriptor
/// became "standard input" (watch --stdin then failed with EINVAL after waiting in silence), and
/// a file opened later could have taken 1 or 2 and received what was meant for the terminal.
/// Each closed one is opened on /dev/null first, as daemons do, and remembered.
public enum StandardDescriptors {
    /// The standard descriptors (0, 1, 2) that were closed when this was first read: read it
    /// before anything else opens a file.
    public static let closedAtStart: Set<Int32> = {
        var closed: Set<Int32> = []
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closed.insert(fd)
        }
        // Lowest numbers first, so each open lands on the one it fills.
        for fd in closed.sorted() {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != fd {
                _ = dup2(opened, fd)
                _ = close(opened)
            }
        }
        return closed
    }()
}
