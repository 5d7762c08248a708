extension String {
    /// The texts end to end, written into one text made at its full length at once. Messages
    /// built for every shipment (a finding, a cited rule, an issuer) are joined this way: each
    /// `+=` or interpolated part costs a few hundred instructions, where this copies the bytes.
    public init(joining parts: String...) { self.init(joining: parts) }

    /// The texts of `parts` end to end, as `init(joining:)` with a list.
    public init(joining parts: [String]) {
        var total = 0
        for part in parts { total += part.utf8.count }
        self.init(unsafeUninitializedCapacity: total) { out in
            var n = 0
            for part in parts {
                let copied = part.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                    guard let source = bytes.baseAddress, !bytes.isEmpty else { return 0 }
                    (out.baseAddress! + n).initialize(from: source, count: bytes.count)
                    return bytes.count
                }
                if let copied {
                    n += copied
                } else {
                    for b in part.utf8 { out[n] = b; n += 1 }
                }
            }
            return n
        }
    }
}
