import Glibc
import Testing
import Native

@Suite struct ProcessSignalsTests {
    /// A signal blocked in this thread and sent to it stays pending until taken: what watch's
    /// stop flag looks for when a signal source never read its signal.
    @Test func aBlockedSignalIsSeenPendingAndTakenOnce() {
        var block = sigset_t(), previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGUSR2)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        #expect(!ProcessSignals.isPending(SIGUSR2))
        #expect(!ProcessSignals.takePending(SIGUSR2))
        raise(SIGUSR2)
        #expect(ProcessSignals.isPending(SIGUSR2))
        #expect(ProcessSignals.takePending(SIGUSR2))
        #expect(!ProcessSignals.isPending(SIGUSR2))
        #expect(!ProcessSignals.takePending(SIGUSR2))
    }
}
