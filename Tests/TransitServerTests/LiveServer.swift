import Dispatch
import Foundation
import Hummingbird
import NIOCore
import TransitEngine
@testable import TransitServer

/// A real server on a free loopback port, for tests that need sockets: timeouts, slow and
/// broken bodies, connection limits, and the OpenAPI probes.
enum LiveServer {
    static func run(
        limits: ServerLimits = ServerLimits(bodyTimeout: .seconds(1), idleTimeout: .seconds(15)),
        log: RequestLog = .none,
        _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        let api = TransitAPI(workspace: APITests.workspace, limits: limits, log: log)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = api.application(host: "127.0.0.1", port: 0) { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var it = ports.makeAsyncIterator()
            guard let port = await it.next() else { return }
            defer { group.cancelAll() }
            try await body(port)
        }
    }
}

/// A raw HTTP/1.1 response, as read off the socket.
struct RawResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
    var text: String

    init(_ raw: [UInt8]) {
        text = String(decoding: raw, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let lines = head.components(separatedBy: "\r\n")
        status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        var h: [String: String] = [:]
        for l in lines.dropFirst() {
            guard let colon = l.firstIndex(of: ":") else { continue }
            h[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        headers = h
    }
}

/// Blocking sockets, each exchange on a thread of its own so that they never hold the threads the server's
/// handlers run on.
enum RawSocket {
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { c in
            Thread { c.resume(with: Result { try work() }) }.start()
        }
    }

    struct Failed: Error { let what: String }

    /// A connected socket to the loopback port, with a receive timeout.
    static func connect(_ port: Int, timeout: Int = 20) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(what: "socket") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0 else { close(fd); throw Failed(what: "connect") }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            done += n
        }
    }

    /// Everything until the peer closes (or the receive timeout).
    static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// One request: `head` lines (without the blank line), then `body`; half-closes when
    /// `shutdownWrite`, and reads the answer to the end.
    static func exchange(
        _ port: Int, _ head: String, body: [UInt8] = [], shutdownWrite: Bool = true, timeout: Int = 20
    ) async throws -> RawResponse {
        try await blocking {
            let fd = try connect(port, timeout: timeout)
            defer { close(fd) }
            send(fd, Array((head + "\r\n\r\n").utf8) + body)
            if shutdownWrite { shutdown(fd, Int32(SHUT_WR)) }
            return RawResponse(readAll(fd))
        }
    }

    /// A whole request with `Connection: close` and a Content-Length.
    static func request(
        _ port: Int, _ method: String, _ target: String, body: [UInt8]? = nil, contentType: String? = nil,
        headers: [String] = []
    ) async throws -> RawResponse {
        var head = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers
        if let contentType { head.append("Content-Type: \(contentType)") }
        if let body { head.append("Content-Length: \(body.count)") }
        return try await exchange(port, head.joined(separator: "\r\n"), body: body ?? [], shutdownWrite: false)
    }
}
