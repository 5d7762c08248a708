import TransitCore

/// Decodes the common case, a valid manifest, straight from libyaml's events: no tree is
/// built, keys are matched as bytes, and values are converted by the same `Schema` functions
/// the full `ManifestDecoder` uses. It only ever accepts. At anything the full decoder would
/// report (an unknown, repeated or missing key, a wrong type, a bad value, an alias) it returns
/// nil, and the caller takes the full decoder's path, which says what is wrong and where.
/// So an accepted manifest decodes exactly as the full decoder decodes it; the tests hold the
/// two to that on every bundled shipment and on generated ones.
enum ManifestStreamDecoder {
    /// The other mappings' keys as bytes (the key enums' are in their `KeyTable`).
    static let goodsKeys = KeyBytes(ManifestSchema.goodsKeys)
    static let transportKeys = KeyBytes(ManifestSchema.transportKeys)
    static let partyKeys = KeyBytes(ManifestSchema.partyKeys)
    static let packagingKeys = KeyBytes(ManifestSchema.packagingKeys)
    static let dangerousKeys = KeyBytes(ManifestSchema.dangerousKeys)
    static let issuerKeys = KeyBytes(ManifestSchema.issuerKeys)
    /// Which goods-line keys must be there (and not null), as a bit mask over `goodsKeys`.
    static let goodsRequired = ManifestSchema.mask(ManifestSchema.goodsKeys, ManifestSchema.goodsRequired)
    /// The bit of the `dangerous` key in a goods line's mask.
    static let dangerousBit: UInt32 = 1 << UInt32(ManifestSchema.goodsKeys.firstIndex(of: "dangerous")!)

    /// The manifest in `bytes`, or nil to take the full decoder's path. Plain block YAML is read
    /// without libyaml (`BlockYAMLEvents`); where that reader gives up, libyaml's events are read.
    /// Where it does not, libyaml's events would be the same, so a manifest it reads and this
    /// decoder turns down goes straight to the full decoder.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, vocabulary: ManifestVocabulary?) -> Shipment?
    {
        if let events = BlockYAMLEvents(bytes) {
            return decode(events, file: file, vocabulary: vocabulary)
        }
        return decode(YAMLEvents(bytes), file: file, vocabulary: vocabulary)
    }

    /// The manifest that `events` spell, or nil to take the full decoder's path.
    static func decode<Events: YAMLEventSource>(
        _ events: Events, file: String, vocabulary: ManifestVocabulary?
    )
        -> Shipment?
    {
        let reader = Reader(events, file: file, vocabulary: vocabulary)
        guard let shipment = reader.shipment(), !reader.schema.diagnostics.hasErrors else { return nil }
        return shipment
    }
}

/// One manifest's walk over the events. Each reading method takes its value from the next event
/// on and consumes it whole; nil (or false) means "not the common case".
private final class Reader<Events: YAMLEventSource> {
    let events: Events
    let schema: Schema
    let file: String
    /// The ids the manifest may use, when they are known.
    let known: ManifestVocabulary?

    init(_ events: Events, file: String, vocabulary: ManifestVocabulary?) {
        self.events = events; self.schema = Schema(file: file); self.file = file; self.known = vocabulary
    }

    var location: SourceLocation { SourceLocation(file: file, line: events.line, column: events.column) }

    /// The current event as a scalar node (what the tree would hold), or nil if it is not a scalar.
    /// The node is not placed: only the schema's errors read a node's position, and an error sends
    /// the manifest to the full decoder, which says where it is. A position the shipment keeps is
    /// taken from `location` just after the scalar is read (an empty file name is never retained).
    func scalar() -> YAMLNode? {
        guard events.next() == .scalar else { return nil }
        return node()
    }

    /// The current scalar event as a node, as `scalar()` returns it.
    func node() -> YAMLNode {
        YAMLNode(
            .scalar(String(decoding: events.bytes, as: UTF8.self), plain: events.isPlain),
            at: SourceLocation(file: "", line: 0, column: 0))
    }

    // The common values are read from the current scalar's bytes. Each gives exactly what the
    // schema's reading of the node gives where it gives anything, and nil otherwise: the caller
    // then reads the node as usual, which accepts it or reports it.

    /// The current scalar's text when `table` holds it and it is not null: the table's own
    /// text, so that none is made or hashed again (document types, places, corridors, regimes).
    func text(in table: TextTable?) -> String? {
        guard let table, !YAMLNode.isNullText(events.bytes, plain: events.isPlain),
            let n = table.number(ofUTF8: events.bytes)
        else { return nil }
        return table.texts[n]
    }

    /// The day the current scalar spells (`YYYY-MM-DD`, quoted or not), as `Schema.day` reads it.
    func day() -> Day? { Day(isoUTF8: events.bytes) }

    /// The current scalar when it is an assigned country code, as `Schema.country` reads it.
    func country() -> String? {
        let b = events.bytes
        guard b.count == 2 else { return nil }
        let code = String(decoding: b, as: UTF8.self)
        return CountryCode.isValid(code) ? code : nil
    }

    /// A scalar that is there and not null, as a required key's value must be.
    func required() -> YAMLNode? {
        guard events.next() == .scalar else { return nil }
        return present()
    }

    /// The current scalar event as a node, or nil when it is null.
    func present() -> YAMLNode? {
        YAMLNode.isNullText(events.bytes, plain: events.isPlain) ? nil : node()
    }

    /// The pairs of a mapping whose start is the next event: for each key, its index in `keys`
    /// and the key's position; `value` reads the value. Returns which keys were there (bit i for
    /// `keys[i]`), or nil for a key that is unknown, repeated or not text, or a value that gave up.
    func mapping(
        _ keys: KeyBytes, _ value: (_ index: Int, _ keyAt: SourceLocation?) -> Bool,
        keyLocations: Bool = false
    ) -> UInt32? {
        guard events.next() == .mappingStart else { return nil }
        var seen: UInt32 = 0
        while true {
            guard let kind = events.next() else { return nil }
            if kind == .mappingEnd { return seen }
            guard kind == .scalar, let i = events.index(in: keys) else { return nil }
            let bit: UInt32 = 1 << UInt32(i)
            guard seen & bit == 0 else { return nil }
            seen |= bit
            guard value(i, keyLocations ? location : nil) else { return nil }
        }
    }

    /// A mapping whose keys are `Key`'s: as `mapping(_:_:keyLocations:)`, with each key as its case.
    func mapping<Key: MappingKey>(
        _ keys: KeyTable<Key>, _ value: (_ key: Key, _ keyAt: SourceLocation?) -> Bool, keyLocations: Bool = false
    ) -> UInt32? {
        mapping(keys.bytes, { i, at in value(Key(rawValue: i)!, at) }, keyLocations: keyLocations)
    }

    /// The items of a sequence whose start is the next event, each read by `item`.
    func sequence(_ item: () -> Bool) -> Bool {
        guard events.next() == .sequenceStart else { return false }
        while true {
            guard let kind = events.next() else { return false }
            if kind == .sequenceEnd { return true }
            events.putBack(kind)
            guard item() else { return false }
        }
    }

    /// What the next value is, and where it starts, without consuming it; `isNull` for a null scalar.
    func peek() -> (kind: YAMLEvents.Kind, isNull: Bool, at: SourceLocation)? {
        guard let kind = events.next() else { return nil }
        events.putBack(kind)
        let isNull = kind == .scalar && YAMLNode.isNullText(events.bytes, plain: events.isPlain)
        return (kind, isNull, location)
    }

    /// Consumes a null scalar that `peek` saw.
    func skipNull() { events.dropPutBack() }

    func shipment() -> Shipment? {
        guard events.next() == .streamStart, events.next() == .documentStart else { return nil }
        let s = schema, top = ManifestSchema.top
        var id: String?, shipper: Party?, consignee: Party?, origin: String?, destination: String?
        var corridor: String?, mode: TransportMode?, regime: String?, departure: Day?
        var transport = Transport(), goods: [GoodsLine] = [], documents: [AttachedDocument] = []
        var keyAt = [SourceLocation?](repeating: nil, count: top.names.count)
        guard
            let seen = mapping(
                top,
                { key, at in
                    keyAt[key.rawValue] = at
                    switch key {
                    case .manifest:
                        guard let v = self.required(), s.int(v, "manifest") == 1 else { return false }
                    case .id: id = self.required().flatMap { s.string($0, "id") }
                    case .shipper: shipper = self.party()
                    case .consignee: consignee = self.party()
                    case .origin:
                        guard self.events.next() == .scalar else { return false }
                        origin = self.text(in: self.known?.places) ?? self.place(self.node(), "origin")
                    case .destination:
                        guard self.events.next() == .scalar else { return false }
                        destination = self.text(in: self.known?.places) ?? self.place(self.node(), "destination")
                    case .corridor:
                        guard self.events.next() == .scalar else { return false }
                        if let v = self.text(in: self.known?.corridors), Identifier.isKebab(v) {
                            corridor = v
                            return true
                        }
                        let c = self.node()
                        if !c.isNull {
                            guard let v = s.identifier(c, "corridor") else { return false }
                            if let known = self.known?.corridors, !known.contains(v) { return false }
                            corridor = v
                        }
                    case .mode: mode = self.required().flatMap { s.choice($0, "mode", TransportMode.self) }
                    case .regime:
                        guard self.events.next() == .scalar else { return false }
                        if let r = self.text(in: self.known?.regimes) {
                            regime = r
                            return true
                        }
                        regime = self.present().flatMap { s.string($0, "regime") }
                        if let r = regime, let known = self.known?.regimes, !known.contains(r),
                            !Shipment.nationalRegimes.contains(r)
                        {
                            return false
                        }
                    case .departure:
                        guard self.events.next() == .scalar else { return false }
                        departure = self.day() ?? self.present().flatMap { s.day($0, "departure") }
                    case .transport:
                        guard let t = self.transport() else { return false }
                        transport = t
                    case .goods:
                        guard self.sequence({ self.goodsLine().map { goods.append($0) } != nil }), !goods.isEmpty else {
                            return false
                        }
                    case .documents:
                        guard self.documentList(into: &documents) else { return false }
                    }
                    return true
                }, keyLocations: true), seen & top.requiredMask == top.requiredMask
        else { return nil }
        // The document ends here; the full reader asks for one more event, so this does too.
        guard events.next() == .documentEnd, events.next() == .streamEnd else { return nil }
        let lines = Set(goods.map(\.line))
        guard lines.count == goods.count,
            documents.allSatisfy({ $0.covers?.allSatisfy(lines.contains) ?? true })
        else { return nil }
        var locations = FieldLocations()
        locations.reserveCapacity(top.names.count)
        for (i, name) in top.names.enumerated() { if let at = keyAt[i] { locations.append(name, at) } }
        guard let id, let shipper, let consignee, let origin, let destination, let mode, let regime, let departure
        else {
            return nil
        }
        return Shipment(
            id: id, file: file, shipper: shipper, consignee: consignee, origin: origin,
            destination: destination, corridor: corridor, mode: mode, regime: regime, departure: departure,
            transport: transport, goods: goods, documents: documents, fieldLocations: locations)
    }

    func party() -> Party? {
        var name: String?, country: String?
        guard
            let seen = mapping(
                ManifestStreamDecoder.partyKeys,
                { i, _ in
                    guard self.events.next() == .scalar else { return false }
                    if i == 1, let c = self.country() {
                        country = c
                        return true
                    }
                    guard let v = self.present() else { return false }
                    if i == 0 {
                        name = self.schema.string(v, "name")
                    } else {
                        country = self.schema.country(v, "country")
                    }
                    return true
                }), seen == 0b11, let name, let country
        else { return nil }
        return Party(name: name, country: country)
    }

    func place(_ node: YAMLNode, _ what: String) -> String? {
        guard let id = schema.string(node, what) else { return nil }
        if let known = known?.places, !known.contains(id) { return nil }
        return id
    }

    func transport() -> Transport? {
        var t = Transport()
        guard
            mapping(
                ManifestStreamDecoder.transportKeys,
                { i, _ in
                    guard let v = self.scalar() else { return false }
                    let field = Transport.fields[i]
                    field.read(self.schema, v, field.key, into: &t)
                    return true
                }) != nil
        else { return nil }
        return t
    }

    func goodsLine() -> GoodsLine? {
        guard let start = peek() else { return nil }
        let s = schema
        var g = ManifestSchema.emptyGoodsLine
        // `i` indexes `goodsKeys`: the scalars of `GoodsLine.fields`, then packaging, dangerous.
        let fields = GoodsLine.fields
        guard
            let seen = mapping(
                ManifestStreamDecoder.goodsKeys,
                { i, _ in
                    if i < fields.count {
                        let field = fields[i]
                        guard let v = field.required ? self.required() : self.scalar() else { return false }
                        field.read(s, v, field.key, into: &g)
                        return true
                    }
                    guard let p = self.peek() else { return false }
                    if p.isNull { self.skipNull(); return true }
                    if ManifestSchema.goodsKeys[i] == "packaging" {
                        return self.mapping(
                            ManifestStreamDecoder.packagingKeys,
                            { j, _ in
                                guard let v = self.scalar() else { return false }
                                if j == 0 {
                                    g.packagingKind = s.string(v, "packaging.kind")
                                } else {
                                    g.packagingWood = s.bool(v, "packaging.wood")
                                }
                                return true
                            }) != nil
                    }
                    var un: String?, hazardClass: String?  // dangerous
                    guard
                        self.mapping(
                            ManifestStreamDecoder.dangerousKeys,
                            { j, _ in
                                guard let v = self.required() else { return false }
                                if j == 0 {
                                    un = s.string(v, "dangerous.un")
                                } else {
                                    hazardClass = s.string(v, "dangerous.class")
                                }
                                return true
                            }) == 0b11, let un, let hazardClass, un.count == 4, un.allSatisfy(\.isNumber)
                    else { return false }
                    g.dangerous = DangerousGoods(un: un, hazardClass: hazardClass)
                    return true
                }), seen & ManifestStreamDecoder.goodsRequired == ManifestStreamDecoder.goodsRequired,
            !s.diagnostics.hasErrors, ManifestSchema.checkGoodsLine(g, "")
        else { return nil }
        g.dangerousDeclared = seen & ManifestStreamDecoder.dangerousBit != 0
        g.location = start.at
        return g
    }

    /// `documents:`, a list of documents or null for none.
    func documentList(into documents: inout [AttachedDocument]) -> Bool {
        guard let start = peek() else { return false }
        if start.isNull { skipNull(); return true }
        var found: [AttachedDocument] = []
        guard
            sequence({
                guard let document = self.document() else { return false }
                found.append(document)
                return true
            })
        else { return false }
        documents = found
        return true
    }

    func document() -> AttachedDocument? {
        guard let start = peek() else { return nil }
        let s = schema, keys = ManifestSchema.document
        var type: String?, number: String?, issued: Day?, country: String?, authority: String?
        var covers: [Int]?, expires: Day?
        var expiresAt: SourceLocation?, issuerAt: SourceLocation?, coversAt: SourceLocation?
        guard
            let seen = mapping(
                keys,
                { key, _ in
                    switch key {
                    case .type:
                        guard self.events.next() == .scalar else { return false }
                        if let t = self.text(in: self.known?.documentTypes) {
                            type = t
                            return true
                        }
                        guard let v = self.present(), let t = s.string(v, "type") else { return false }
                        if let known = self.known?.documentTypes, !known.contains(t) { return false }
                        type = t
                    case .number:
                        guard let v = self.scalar() else { return false }
                        number = s.string(v, "number")
                    case .issued:
                        guard self.events.next() == .scalar else { return false }
                        if let d = self.day() {
                            issued = d
                            return true
                        }
                        guard let v = self.present() else { return false }
                        issued = s.day(v, "issued")
                    case .issuer:
                        guard let p = self.peek(), !p.isNull else { return false }
                        issuerAt = p.at
                        guard
                            self.mapping(
                                ManifestStreamDecoder.issuerKeys,
                                { j, _ in
                                    guard self.events.next() == .scalar else { return false }
                                    if j == 0, let c = self.country() {
                                        country = c
                                        return true
                                    }
                                    guard let v = j == 0 ? self.present() : self.node() else { return false }
                                    if j == 0 {
                                        country = s.country(v, "issuer.country")
                                    } else {
                                        authority = s.string(v, "issuer.authority")
                                    }
                                    return true
                                }
                            ).map({ $0 & 1 != 0 }) == true
                        else { return false }
                    case .covers:
                        guard let p = self.peek() else { return false }
                        coversAt = p.at
                        if p.isNull { self.skipNull(); return true }
                        var lines: [Int] = []
                        guard
                            self.sequence({
                                guard let v = self.required(), let n = s.int(v, "covers[]", min: 1) else {
                                    return false
                                }
                                lines.append(n)
                                return true
                            })
                        else { return false }
                        covers = lines
                    case .expires:
                        guard self.events.next() == .scalar else { return false }
                        expiresAt = self.location
                        expires = self.day() ?? s.day(self.node(), "expires")
                    }
                    return true
                }), seen & keys.requiredMask == keys.requiredMask, let type,
            let issued, let country
        else { return nil }
        if let expires, expires < issued { return nil }
        return AttachedDocument(
            type: type, number: number, issued: issued, issuerCountry: country, authority: authority,
            covers: covers, expires: expires, location: start.at, expiresLocation: expiresAt,
            issuerLocation: issuerAt, coversLocation: coversAt)
    }
}
