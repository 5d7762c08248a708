extension BlockYAMLEvents {
    /// Where the plain block reader and libyaml disagree on `bytes`: nil where they agree or where
    /// the block reader gives up, else the first event that differs. The tests and the manifest
    /// fuzz target hold the block reader to this.
    package static func disagreement(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let block = BlockYAMLEvents(bytes) else { return nil }
        let mine = trace(block), libyaml = trace(YAMLEvents(bytes))
        for (n, (a, b)) in zip(mine, libyaml).enumerated() where a != b {
            return "event \(n + 1): the block reader gives \(a), libyaml \(b)"
        }
        guard mine.count == libyaml.count else {
            return "the block reader gives \(mine.count) events, libyaml \(libyaml.count)"
        }
        return nil
    }

    /// Whether the plain block reader reads `bytes` (rather than give them to libyaml).
    package static func reads(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { BlockYAMLEvents(bytes) != nil }

    /// One event as the decoder sees it: the kind, and for a scalar or a collection's start its
    /// position (and a scalar's text and style). Ends carry no position the decoder reads.
    private static func trace<Events: YAMLEventSource>(_ events: Events) -> [String] {
        var out: [String] = []
        while let kind = events.next() {
            switch kind {
            case .scalar:
                let text = String(decoding: events.bytes, as: UTF8.self).debugDescription
                let style = events.isPlain ? "plain" : "quoted"
                out.append("scalar \(style) \(text) at \(events.line):\(events.column)")
            case .mappingStart, .sequenceStart:
                out.append("\(kind) at \(events.line):\(events.column)")
            default:
                out.append("\(kind)")
            }
            if kind == .streamEnd { break }
        }
        return out
    }
}
