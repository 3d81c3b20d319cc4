import Glibc

/// SIGTERM or SIGINT asks the watcher to stop after the file at hand: the handler only sets a
/// flag, which the loop reads between files.
enum StopSignal {
    /// Installs the handlers.
    static func install() {
        signal(SIGTERM, stopHandler)
        signal(SIGINT, stopHandler)
        // A parent may have started us with these blocked (the mask is inherited): unblock them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether a stop was asked for.
    static var requested: Bool { stopRequested != 0 }
}

/// Written only by the signal handler; a `sig_atomic_t`, the one type a handler may write.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

private func stopHandler(_ signal: Int32) {
    stopRequested = 1
}
