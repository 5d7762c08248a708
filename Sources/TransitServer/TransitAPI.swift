import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import TransitCore
import TransitEngine
import TransitReports
import TransitYAML

/// The HTTP server over a loaded workspace, as a value that tests drive without a port. Its
/// routes are `TransitAPI.routes` (and `GET /openapi.json` describes them): the web page at `/`,
/// `POST /check` and `POST /compare` for a manifest, and the reference data (`/places`,
/// `/documents`, `/corridors`, `/rules/{id}`).
///
/// Every error is an RFC 9457 problem (`Problem`); every response carries an `X-Request-Id`;
/// every request is logged in the Common Log Format (`RequestLog`). Manifests are decoded and
/// checked on a thread pool, off the threads that serve connections, so a slow check cannot
/// stall `/health` or other clients. One bad request gets an error answer; the server goes on.
public struct TransitAPI: Sendable {
    /// The rules, network and catalogue every request is answered from.
    public let workspace: Workspace
    /// Body size, timeouts and the connection cap.
    public let limits: ServerLimits
    /// Where the Common Log Format lines go.
    public let log: RequestLog
    /// The threads checks run on.
    let pool: NIOThreadPool

    public init(
        workspace: Workspace, limits: ServerLimits = .standard, log: RequestLog = .none,
        pool: NIOThreadPool = .singleton
    ) {
        self.workspace = workspace; self.limits = limits; self.log = log; self.pool = pool
    }

    /// The responder every request goes through.
    public var responder: TransitResponder { TransitResponder(api: self, table: RouteTable(routes)) }

    /// The application, listening on `host:port` with the limits' timeouts and connection cap.
    public func application(
        host: String = "127.0.0.1", port: Int = 8080,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "transit-check")
        logger.logLevel = .notice
        return Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .init(limits.idleTimeout))),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "transit-check",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)),
            onServerRunning: onServerRunning, logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting, finishes the requests in flight
    /// and returns.
    public static func serve(
        workspace: Workspace, host: String, port: Int, limits: ServerLimits = .standard,
        log: RequestLog = .standardOutput, ready: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        let api = TransitAPI(workspace: workspace, limits: limits, log: log)
        try await api.application(host: host, port: port) { channel in ready(channel.localAddress?.port ?? port) }
            .runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Runs `work` on the check threads.
    func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }
}

/// The one `HTTPResponder`: finds the route (404, or 405 with `Allow`), refuses unknown query
/// parameters (400), turns every error into a problem, stamps the request id and logs the line.
public struct TransitResponder: HTTPResponder {
    public typealias Context = TransitRequestContext
    let api: TransitAPI
    let table: RouteTable

    /// The response to one request, logged.
    public func respond(to request: Request, context: Context) async throws -> Response {
        let started = Date()
        let id = RequestID.id(for: request)
        var response: Response
        do {
            response = try await dispatch(request, context)
        } catch let p as Problem {
            response = p.response
        } catch let e as HTTPError {
            response = Problem(e.status, "http-\(e.status.code)", e.body ?? e.status.reasonPhrase).response
        } catch {
            response = Problem(.internalServerError, "internal", "the server failed to answer this request").response
        }
        response.headers[RequestID.header] = id
        api.log.write(
            RequestLog.line(
                host: context.remoteAddress?.ipAddress ?? "-", time: started, method: request.method.rawValue,
                target: request.uri.description, status: Int(response.status.code),
                bytes: response.body.contentLength, id: id))
        return response
    }

    func dispatch(_ request: Request, _ context: Context) async throws -> Response {
        let segments = RouteTable.segments(request.uri.path)
        let matches = table.routes.compactMap { r in r.match(segments).map { (r, $0) } }
        guard !matches.isEmpty else {
            throw Problem(
                .notFound, "not-found", "no resource at \(request.uri.path); GET /openapi.json lists the routes")
        }
        guard let (route, parameters) = matches.first(where: { $0.0.method == request.method }) else {
            let allow = matches.map(\.0.method.rawValue).joined(separator: ", ")
            throw Problem(
                .methodNotAllowed, "method-not-allowed",
                "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(allow)",
                extra: [("allow", .array(matches.map { .string($0.0.method.rawValue) }))],
                headers: [.allow: allow])
        }
        let query = try Query(request.uri.queryParameters, allowed: route.query)
        return try await route.handler(api, RouteRequest(request: request, parameters: parameters, query: query))
    }
}

/// The request context: Hummingbird's core storage and the peer's address, for the log.
public struct TransitRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
