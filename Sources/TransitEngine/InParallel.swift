import Foundation

/// `body` for each index of `0..<count`, on up to `threads` threads, with the results in index
/// order: a workspace reads and decodes its rule files this way, so that a run with more than
/// one job does not start with a long stretch on one core. Indices are claimed one at a time,
/// so one large file does not hold back a thread's share of small ones.
func inParallel<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let threads = min(threads, count)
    guard threads > 1 else { return (0..<count).map(body) }
    let results = Results<T>(count)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        while let i = results.claim() { results.set(i, body(i)) }
    }
    return results.values.map { $0! }
}

/// The slots `inParallel` fills, each by one thread, behind one lock.
private final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var values: [T?]

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ i: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        values[i] = value
    }
}
