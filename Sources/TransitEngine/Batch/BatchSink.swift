import Foundation

/// Where batch output goes: standard output, or a temporary file beside PATH that is flushed to
/// disk and renamed over it only when the batch has finished, so an interrupted run never leaves
/// a partial file. The temporary is named as `AtomicFile` names its own, so a run killed with -9
/// leaves one that the next run writing the same file removes.
public final class BatchSink {
    let path: String?
    let temporary: String?
    let handle: FileHandle
    var pending: [UInt8] = []

    public init(path: String?) throws {
        self.path = path
        guard let path else { temporary = nil; handle = .standardOutput; return }
        AtomicFile.removeStale(for: path)
        let tmp = AtomicFile.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: tmp, contents: nil), let h = FileHandle(forWritingAtPath: tmp)
        else {
            throw CocoaError(.fileWriteNoPermission)
        }
        temporary = tmp
        handle = h
    }

    /// Appends bytes to the output, flushing each megabyte.
    public func write(_ bytes: [UInt8]) throws {
        pending += bytes
        if pending.count > 1 << 20 { try flush() }
    }

    /// Appends text to the output, as UTF-8.
    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Writes what is pending straight from its buffer (no copy into `Data`), and keeps the
    /// buffer's capacity for the next megabyte.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let fd = handle.fileDescriptor
        try pending.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(
                        .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
                }
                offset += n
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes what is pending and, for a file, puts it in place whole (the temporary renamed over it).
    public func finish() throws {
        try flush()
        guard let temporary, let path else { return }
        guard fsync(handle.fileDescriptor) == 0 else { abandon(); throw CocoaError(.fileWriteOutOfSpace) }
        try handle.close()
        guard rename(temporary, path) == 0 else { unlink(temporary); throw CocoaError(.fileWriteUnknown) }
    }

    /// Removes the temporary file only, leaving the handle open: for a forced exit that may
    /// come while another thread is still writing.
    public func removeTemporaryFile() {
        if let temporary { unlink(temporary) }
    }

    /// Gives the output up: the temporary file is closed and removed, and nothing replaces the target.
    public func abandon() {
        guard temporary != nil else { return }
        try? handle.close()
        removeTemporaryFile()
    }
}

/// write(2); the sink's own `write` methods hide the unqualified name.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, bytes, count)
    #else
        return Darwin.write(fd, bytes, count)
    #endif
}
