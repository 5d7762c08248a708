/// A running Monte Carlo total: add steps (or scaled sample vectors) and read its quantiles.
public struct SampleSum: Sendable {
    public private(set) var values: [Float]
    public init() { values = [Float](repeating: 0, count: MonteCarlo.draws) }

    /// A sum that starts from existing draws.
    public init(_ start: [Float]) { values = start }

    /// a·x + b·y (+ z), elementwise, in one pass.
    public init(_ a: Float, _ x: [Float], _ b: Float, _ y: [Float], plus z: [Float]? = nil) {
        values = [Float](unsafeUninitializedCapacity: x.count) { out, n in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    if let z {
                        z.withUnsafeBufferPointer { z in
                            for i in 0..<x.count { out[i] = a * x[i] + b * y[i] + z[i] }
                        }
                    } else {
                        for i in 0..<x.count { out[i] = a * x[i] + b * y[i] }
                    }
                }
            }
            n = x.count
        }
    }

    /// Adds another step's draws (scaled by `factor`), elementwise: the total of steps taken one after another.
    public mutating func add(_ samples: [Float], times factor: Float = 1) {
        values.withUnsafeMutableBufferPointer { v in
            samples.withUnsafeBufferPointer { s in
                for i in 0..<v.count { v[i] += s[i] * factor }
            }
        }
    }

    /// The elementwise maximum: the wait for the last of several things done in parallel.
    public mutating func maximize(_ samples: [Float]) {
        values.withUnsafeMutableBufferPointer { v in
            samples.withUnsafeBufferPointer { s in
                for i in 0..<v.count where s[i] > v[i] { v[i] = s[i] }
            }
        }
    }

    public var quantiles: P5090 { MonteCarlo.quantiles(values) }
}
