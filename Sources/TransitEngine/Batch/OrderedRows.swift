import Foundation

/// The rows of a batch handed out in input order while threads check the files ahead: at most
/// `ahead` rows wait to be written, so memory stays flat. The caller's thread is one of the
/// `jobs` that check: while the next row in order is not ready, `next()` checks a file itself
/// rather than sleep, so a 2-job batch runs two threads on two cores, not two workers and a
/// writer that wakes up and takes a core from one of them. With one job the rows are made on
/// the caller's thread as they are asked for.
final class OrderedRows: @unchecked Sendable {
    typealias Row = (RowSummary, [UInt8])
    private let make: @Sendable (_ index: Int, _ thread: Int) -> Row
    private let count: Int
    private let jobs: Int
    private let condition = NSCondition()
    private var ready: [Row?]
    /// The next index a thread claims, and the next one `next()` hands out.
    private var claimed = 0
    private var given = 0
    /// The row `next()` sleeps until (when it can claim nothing); the worker that fills it wakes it.
    private var awaited = -1
    private var stopped = false
    private let workers = DispatchGroup()

    init(count: Int, jobs: Int, ahead: Int, make: @escaping @Sendable (Int, Int) -> Row) {
        self.count = count
        self.jobs = max(1, min(jobs, count))
        self.make = make
        ready = self.jobs > 1 ? Array(repeating: nil, count: max(ahead, self.jobs)) : []
        guard self.jobs > 1 else { return }
        // Threads of their own, not Dispatch's shared pool: workers that hold pool threads for
        // the whole batch would starve other work queued there (the Ctrl-C and SIGTERM handlers).
        // Thread 0 is the caller's.
        for thread in 1..<self.jobs {
            workers.enter()
            Thread {
                self.work(thread); self.workers.leave()
            }.start()
        }
    }

    /// The next row in input order, or nil after the last.
    func next() -> Row? {
        guard jobs > 1 else {
            guard given < count else { return nil }
            given += 1
            return make(given - 1, 0)
        }
        condition.lock()
        defer { condition.unlock() }
        guard given < count else { return nil }
        let slot = given % ready.count
        while ready[slot] == nil {
            if claimed < count && claimed < given + ready.count {
                // Check the next unclaimed file here, one at a time, so that rows the workers
                // finish meanwhile are written soon after.
                let i = claimed
                claimed += 1
                condition.unlock()
                let row = make(i, 0)
                condition.lock()
                ready[i % ready.count] = row
                continue
            }
            // Nothing left to claim: sleep until the last missing row of the next sixteen is in.
            let end = min(given + 16, count, given + ready.count)
            awaited = (given..<end).last { ready[$0 % ready.count] == nil } ?? given
            condition.wait()
        }
        let row = ready[slot]
        ready[slot] = nil
        given += 1
        condition.broadcast()  // room for a worker waiting to claim more
        return row
    }

    /// Stops the workers after the rows they are checking, and waits for them.
    func finish() {
        guard jobs > 1 else { return }
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        workers.wait()
    }

    private func work(_ thread: Int) {
        while true {
            condition.lock()
            while !stopped && claimed < count && claimed >= given + ready.count { condition.wait() }
            guard !stopped && claimed < count else { condition.unlock(); return }
            // A few files at a time: fewer trips through the lock, and still no thread left
            // holding a large share when the others are done.
            let first = claimed
            let last = min(first + 4, count, given + ready.count)
            claimed = last
            condition.unlock()
            for i in first..<last {
                let row = make(i, thread)
                condition.lock()
                ready[i % ready.count] = row
                if i == awaited { condition.broadcast() }
                condition.unlock()
            }
        }
    }
}
