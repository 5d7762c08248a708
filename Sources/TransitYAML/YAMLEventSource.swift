/// What the manifest's event decoder reads: YAML events one at a time, with the current event's
/// position and, for a scalar, its text and style. libyaml's parser (`YAMLEvents`) gives them for
/// any YAML; `BlockYAMLEvents` gives the same events faster for the plain block YAML most
/// manifests are written in.
protocol YAMLEventSource: AnyObject {
    /// The next event's kind (or the one `putBack` returned), or nil where the source cannot go on.
    func next() -> YAMLEvents.Kind?
    /// Makes the next `next()` return `kind` (the current event's) again: a one-event look-ahead.
    func putBack(_ kind: YAMLEvents.Kind)
    /// Forgets an event put back, which the caller has now consumed.
    func dropPutBack()
    /// Where the current event starts, 1-based, in lines and in characters.
    var line: Int { get }
    var column: Int { get }
    /// The current scalar's text, as bytes.
    var bytes: UnsafeBufferPointer<UInt8> { get }
    /// The current scalar is plain (unquoted).
    var isPlain: Bool { get }
}

extension YAMLEventSource {
    /// The position in `keys` of the key that the current scalar's bytes spell, if any.
    func index(in keys: KeyBytes) -> Int? {
        let b = bytes
        return keys.keys.firstIndex { key in key.count == b.count && key.withUnsafeBufferPointer { $0.elementsEqual(b) }
        }
    }
}
