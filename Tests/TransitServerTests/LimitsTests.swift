import Foundation
import Testing
@testable import TransitServer

/// The server under abuse (issue 16): slow, truncated and broken bodies each get their own
/// status and message; idle connections are closed after the timeout; the connection cap
/// holds; `/health` keeps answering through all of it.
@Suite(.serialized) struct LimitsTests {
    static let manifest = try! Array(
        Data(contentsOf: URL(fileURLWithPath: APITests.root + "/shipments/kz-pk-oats-qtta.yaml")))

    @Test func slowTruncatedAndBrokenBodiesEachGetTheirOwnAnswer() async throws {
        try await LiveServer.run { port in
            let slow = try await RawSocket.exchange(
                port, "POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 100", body: Array("manifest: 1\n".utf8),
                shutdownWrite: false)
            #expect(slow.status == 408)
            #expect(slow.body.contains("/problems/body-timeout"))
            let truncated = try await RawSocket.exchange(
                port, "POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 100", body: Array("manifest: 1\n".utf8))
            #expect(truncated.status == 400)
            #expect(truncated.body.contains("/problems/body-truncated"))
            #expect(truncated.headers["content-type"] == "application/problem+json")
            let badChunk = try await RawSocket.exchange(
                port, "POST /check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked",
                body: Array("zz\r\nabc\r\n0\r\n\r\n".utf8))
            #expect(badChunk.status == 400)
            #expect(badChunk.body.contains("/problems/bad-chunk"))
            let big = try await RawSocket.exchange(
                port, "POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: \(ServerLimits.standard.maxBody + 1)")
            #expect(big.status == 413)
            #expect(big.body.contains("/problems/body-too-large"))
            let chunkedBig = try await RawSocket.exchange(
                port, "POST /check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked",
                body: Array("100001\r\n".utf8) + [UInt8](repeating: 35, count: 0x100001) + Array("\r\n0\r\n\r\n".utf8))
            #expect(chunkedBig.status == 413)
            let health = try await RawSocket.request(port, "GET", "/health")
            #expect(health.body == "ok")
        }
    }

    @Test func idleConnectionsAreClosedAfterTheTimeoutAndHealthKeepsAnswering() async throws {
        let limits = ServerLimits(bodyTimeout: .seconds(1), idleTimeout: .seconds(1), maxConnections: 8)
        try await LiveServer.run(limits: limits) { port in
            // Fill every connection slot with clients that send nothing, or half a request head.
            let started = Date()
            let idle = try await RawSocket.blocking { () -> [Int32] in
                try (0..<8).map { i in
                    let fd = try RawSocket.connect(port, timeout: 10)
                    if i % 2 == 1 { RawSocket.send(fd, Array("GET /health HTTP/1.1\r\nHost".utf8)) }
                    return fd
                }
            }
            // /health waits for a slot, which the idle timeout frees within seconds.
            let health = try await RawSocket.request(port, "GET", "/health")
            #expect(health.body == "ok")
            #expect(Date().timeIntervalSince(started) < 8)
            // The idle ones were closed by the server: reading gives end of file, not a timeout.
            let closed = try await RawSocket.blocking {
                idle.map { fd -> Bool in
                    var b = [UInt8](repeating: 0, count: 16)
                    let n = recv(fd, &b, 16, 0)
                    close(fd)
                    return n == 0
                }
            }
            #expect(closed.allSatisfy { $0 }, "\(closed)")
        }
    }

    @Test func slowClientsDoNotStopOthersFromBeingChecked() async throws {
        // The idle timeout well above the body timeout, so that on a loaded machine the 408 is
        // written before the connection is dropped as idle.
        let limits = ServerLimits(bodyTimeout: .seconds(3), idleTimeout: .seconds(25), maxConnections: 64)
        let manifest = Self.manifest
        try await LiveServer.run(limits: limits) { port in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await RawSocket.exchange(
                            port, "POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 500",
                            body: Array("manifest".utf8),
                            shutdownWrite: false, timeout: 30
                        ).status
                    }
                }
                let started = Date()
                for _ in 0..<5 {
                    let r = try await RawSocket.request(
                        port, "POST", "/check", body: manifest, contentType: "application/yaml")
                    #expect(r.status == 200)
                }
                #expect(Date().timeIntervalSince(started) < 3, "checks waited for the slow clients")
                for try await status in group { #expect(status == 408) }
            }
        }
    }
}
