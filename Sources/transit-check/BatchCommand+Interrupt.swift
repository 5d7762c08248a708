import Dispatch
import Foundation

/// Ctrl-C (SIGINT), or the SIGTERM a scheduler sends before it kills a job (Kubernetes, CI
/// runners), asks the batch to stop after the rows in progress and write what was finished.
/// A second signal removes the temporary output and exits at once.
final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var cleanup: () -> Void = {}
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.receive(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// What to undo if a second signal forces the exit.
    func onForcedExit(_ body: @escaping () -> Void) { lock.lock(); cleanup = body; lock.unlock() }

    private func receive(_ number: Int32) {
        lock.lock()
        let again = received != nil
        if !again { received = number }
        let undo = cleanup
        lock.unlock()
        if again { undo(); _exit(128 + number) }
    }

    func requested() -> Bool { lock.lock(); defer { lock.unlock() }; return received != nil }

    /// The shell's status for the signal that stopped the batch: 130 for Ctrl-C, 143 for SIGTERM.
    var exitStatus: Int32 { lock.lock(); defer { lock.unlock() }; return 128 + (received ?? SIGINT) }
}
