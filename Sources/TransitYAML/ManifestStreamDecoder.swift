import TransitCore

/// Decodes the common case, a valid manifest, straight from libyaml's events: no tree is
/// built, keys are matched as bytes, and values are converted by the same `Schema` functions
/// the full `ManifestDecoder` uses. It only ever accepts. At anything the full decoder would
/// report (an unknown, repeated or missing key, a wrong type, a bad value, an alias) it returns
/// nil, and the caller takes the full decoder's path, which says what is wrong and where.
/// So an accepted manifest decodes exactly as the full decoder decodes it; the tests hold the
/// two to that on every bundled shipment and on generated ones.
enum ManifestStreamDecoder {
    static let topKeys: [StaticString] = [
        "manifest", "id", "shipper", "consignee", "origin", "destination", "corridor",
        "mode", "regime", "departure", "transport", "goods", "documents",
    ]
    static let partyKeys: [StaticString] = ["name", "country"]
    static let transportKeys = ManifestSchema.transportKeys
    static let packagingKeys: [StaticString] = ["kind", "wood"]
    static let dangerousKeys: [StaticString] = ["un", "class"]
    static let documentKeys: [StaticString] = ["type", "number", "issued", "issuer", "covers", "expires"]
    static let issuerKeys: [StaticString] = ["country", "authority"]

    /// The keys that must be there (and not null), as bit masks over the lists above.
    static let topRequired: UInt32 = mask(topKeys, ManifestDecoder.topRequired)
    static let goodsKeys = ManifestSchema.goodsKeys
    static let goodsScalarCount = ManifestSchema.goodsScalars.count
    static let goodsRequired: UInt32 = mask(goodsKeys, ManifestSchema.goodsRequired)
    static let documentRequired: UInt32 = mask(documentKeys, ManifestDecoder.documentRequired)

    static func mask(_ keys: [StaticString], _ required: [String]) -> UInt32 {
        var m: UInt32 = 0
        for (i, k) in keys.enumerated() where required.contains(k.description) { m |= 1 << UInt32(i) }
        return m
    }

    /// The manifest in `bytes`, or nil to take the full decoder's path.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, vocabulary: ManifestVocabulary?) -> Shipment?
    {
        let reader = Reader(YAMLEvents(bytes), file: file, vocabulary: vocabulary)
        guard let shipment = reader.shipment(), !reader.schema.diagnostics.hasErrors else { return nil }
        return shipment
    }
}

/// One manifest's walk over the events. Each reading method takes its value from the next event
/// on and consumes it whole; nil (or false) means "not the common case".
private final class Reader {
    typealias Keys = ManifestStreamDecoder
    let events: YAMLEvents
    let schema: Schema
    let file: String
    let vocabulary: ManifestVocabulary?

    init(_ events: YAMLEvents, file: String, vocabulary: ManifestVocabulary?) {
        self.events = events; self.schema = Schema(file: file); self.file = file; self.vocabulary = vocabulary
    }

    var location: SourceLocation { SourceLocation(file: file, line: events.line, column: events.column) }

    /// The current event as a scalar node (what the tree would hold), or nil if it is not a scalar.
    func scalar() -> YAMLNode? {
        guard events.next() == .scalar else { return nil }
        return YAMLNode(.scalar(String(decoding: events.bytes, as: UTF8.self), plain: events.isPlain), at: location)
    }

    /// A scalar that is there and not null, as a required key's value must be.
    func required() -> YAMLNode? {
        guard let node = scalar(), !node.isNull else { return nil }
        return node
    }

    /// The pairs of a mapping whose start is the next event: for each key, its index in `keys`
    /// and the key's position; `value` reads the value. Returns which keys were there, or nil
    /// for a key that is unknown, repeated or not text, or a value that gave up.
    func mapping(
        _ keys: [StaticString], _ value: (_ index: Int, _ keyAt: SourceLocation?) -> Bool,
        keyLocations: Bool = false
    ) -> UInt32? {
        guard events.next() == .mappingStart else { return nil }
        var seen: UInt32 = 0
        while true {
            guard let kind = events.next() else { return nil }
            if kind == .mappingEnd { return seen }
            guard kind == .scalar, let i = keys.firstIndex(where: events.bytesEqual) else { return nil }
            let bit: UInt32 = 1 << UInt32(i)
            guard seen & bit == 0 else { return nil }
            seen |= bit
            guard value(i, keyLocations ? location : nil) else { return nil }
        }
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
        let at = location
        let isNull =
            kind == .scalar
            && YAMLNode(.scalar(String(decoding: events.bytes, as: UTF8.self), plain: events.isPlain), at: at).isNull
        return (kind, isNull, at)
    }

    /// Consumes a null scalar that `peek` saw.
    func skipNull() { events.dropPutBack() }

    func shipment() -> Shipment? {
        guard events.next() == .streamStart, events.next() == .documentStart else { return nil }
        let s = schema
        var id: String?, shipper: Party?, consignee: Party?, origin: String?, destination: String?
        var corridor: String?, mode: TransportMode?, regime: String?, departure: Day?
        var transport = Transport(), goods: [GoodsLine] = [], documents: [AttachedDocument] = []
        var keyAt = [SourceLocation?](repeating: nil, count: Keys.topKeys.count)
        guard
            let seen = mapping(
                Keys.topKeys,
                { i, at in
                    keyAt[i] = at
                    switch i {  // `i` indexes `topKeys`: manifest, id, shipper, … documents
                    case 0:
                        guard let v = self.required(), s.int(v, "manifest") == 1 else { return false }
                    case 1: id = self.required().flatMap { s.string($0, "id") }
                    case 2: shipper = self.party()
                    case 3: consignee = self.party()
                    case 4: origin = self.required().flatMap { self.place($0, "origin") }
                    case 5: destination = self.required().flatMap { self.place($0, "destination") }
                    case 6:
                        guard let c = self.scalar() else { return false }
                        if !c.isNull {
                            guard let v = s.identifier(c, "corridor") else { return false }
                            if let known = self.vocabulary?.corridors, !known.contains(v) { return false }
                            corridor = v
                        }
                    case 7: mode = self.required().flatMap { s.choice($0, "mode", TransportMode.self) }
                    case 8:
                        regime = self.required().flatMap { s.string($0, "regime") }
                        if let r = regime, let known = self.vocabulary?.regimes, !known.contains(r),
                            !Shipment.nationalRegimes.contains(r)
                        {
                            return false
                        }
                    case 9: departure = self.required().flatMap { s.day($0, "departure") }
                    case 10:
                        guard let t = self.transport() else { return false }
                        transport = t
                    case 11:
                        guard self.sequence({ self.goodsLine().map { goods.append($0) } != nil }), !goods.isEmpty else {
                            return false
                        }
                    default:
                        guard self.documentList(into: &documents) else { return false }
                    }
                    return true
                }, keyLocations: true), seen & Keys.topRequired == Keys.topRequired
        else { return nil }
        // The document ends here; the full reader asks for one more event, so this does too.
        guard events.next() == .documentEnd, events.next() == .streamEnd else { return nil }
        let lines = Set(goods.map(\.line))
        guard lines.count == goods.count,
            documents.allSatisfy({ $0.covers?.allSatisfy(lines.contains) ?? true })
        else { return nil }
        var locations = FieldLocations()
        for (i, key) in ManifestDecoder.topKeys.enumerated() { if let at = keyAt[i] { locations.append(key, at) } }
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
                Keys.partyKeys,
                { i, _ in
                    guard let v = self.required() else { return false }
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
        if let known = vocabulary?.places, !known.contains(id) { return nil }
        return id
    }

    func transport() -> Transport? {
        var t = Transport()
        guard
            mapping(
                Keys.transportKeys,
                { i, _ in
                    guard let v = self.scalar() else { return false }
                    let field = ManifestSchema.transportScalars[i]
                    field.read(self.schema, v, field.key.description, &t)
                    return true
                }) != nil
        else { return nil }
        return t
    }

    func goodsLine() -> GoodsLine? {
        guard let start = peek() else { return nil }
        let s = schema
        var g = ManifestSchema.emptyGoodsLine
        // `i` indexes `goodsKeys`: the scalars of `ManifestSchema.goodsScalars`, then packaging, dangerous.
        guard
            let seen = mapping(
                Keys.goodsKeys,
                { i, _ in
                    if i < Keys.goodsScalarCount {
                        let field = ManifestSchema.goodsScalars[i]
                        guard let v = field.required ? self.required() : self.scalar() else { return false }
                        field.read(s, v, field.key.description, &g)
                        return true
                    }
                    guard let p = self.peek() else { return false }
                    if p.isNull { self.skipNull(); return true }
                    if i == Keys.goodsScalarCount {  // packaging
                        return self.mapping(
                            Keys.packagingKeys,
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
                            Keys.dangerousKeys,
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
                }), seen & Keys.goodsRequired == Keys.goodsRequired, !s.diagnostics.hasErrors,
            ManifestSchema.checkGoodsLine(g, "")
        else { return nil }
        g.dangerousDeclared = seen & (1 << UInt32(Keys.goodsScalarCount + 1)) != 0
        g.location = start.at
        return g
    }

    /// `documents:`, a list of documents or null for none.
    func documentList(into documents: inout [AttachedDocument]) -> Bool {
        guard let start = peek() else { return false }
        if start.isNull { skipNull(); return true }
        var found: [AttachedDocument] = []
        guard sequence({ self.document().map { found.append($0) } != nil }) else { return false }
        documents = found
        return true
    }

    func document() -> AttachedDocument? {
        guard let start = peek() else { return nil }
        let s = schema
        var type: String?, number: String?, issued: Day?, country: String?, authority: String?
        var covers: [Int]?, expires: Day?
        var expiresAt: SourceLocation?, issuerAt: SourceLocation?, coversAt: SourceLocation?
        guard
            let seen = mapping(
                Keys.documentKeys,
                { i, _ in
                    switch i {  // `i` indexes `documentKeys`: type, number, issued, issuer, covers, expires
                    case 0:
                        guard let v = self.required(), let t = s.string(v, "type") else { return false }
                        if let known = self.vocabulary?.documentTypes, !known.contains(t) { return false }
                        type = t
                    case 1:
                        guard let v = self.scalar() else { return false }
                        number = s.string(v, "number")
                    case 2:
                        guard let v = self.required() else { return false }
                        issued = s.day(v, "issued")
                    case 3:
                        guard let p = self.peek(), !p.isNull else { return false }
                        issuerAt = p.at
                        guard
                            self.mapping(
                                Keys.issuerKeys,
                                { j, _ in
                                    guard let v = j == 0 ? self.required() : self.scalar() else { return false }
                                    if j == 0 {
                                        country = s.country(v, "issuer.country")
                                    } else {
                                        authority = s.string(v, "issuer.authority")
                                    }
                                    return true
                                }
                            ).map({ $0 & 1 != 0 }) == true
                        else { return false }
                    case 4:
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
                    default:
                        guard let v = self.scalar() else { return false }
                        expiresAt = v.location
                        expires = s.day(v, "expires")
                    }
                    return true
                }), seen & Keys.documentRequired == Keys.documentRequired, let type, let issued, let country
        else { return nil }
        if let expires, expires < issued { return nil }
        var doc = AttachedDocument(
            type: type, number: number, issued: issued, issuerCountry: country, authority: authority,
            covers: covers, expires: expires, location: start.at)
        doc.expiresLocation = expiresAt
        doc.issuerLocation = issuerAt
        doc.coversLocation = coversAt
        return doc
    }
}
