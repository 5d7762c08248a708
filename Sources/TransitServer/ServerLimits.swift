/// What the server allows a client, so that no client (slow, idle, huge or many) can exhaust
/// memory, file descriptors or the threads that serve everyone else.
public struct ServerLimits: Sendable {
    /// The largest request body read, in bytes (a manifest, a form); larger is 413.
    public var maxBody: Int
    /// How long a request's body may take to arrive, from its head; slower is 408.
    public var bodyTimeout: Duration
    /// How long a connection may send nothing (no request head, or no byte of a request that
    /// has started) before it is closed. Bounds a slow request head too.
    public var idleTimeout: Duration
    /// Open connections at most; past it, new connections wait in the listen backlog until
    /// one closes (idle ones close after `idleTimeout`).
    public var maxConnections: Int

    public init(
        maxBody: Int = 1 << 20, bodyTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(15),
        maxConnections: Int = 1024
    ) {
        self.maxBody = maxBody; self.bodyTimeout = bodyTimeout; self.idleTimeout = idleTimeout;
        self.maxConnections = maxConnections
    }

    /// The limits `transit-check serve` runs with; README states them.
    public static let standard = ServerLimits()
}
