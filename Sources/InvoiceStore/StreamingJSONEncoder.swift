internal import Foundation

/// Encodes an `Encodable` value to the JSON Foundation's `JSONEncoder` gives with its default
/// options (slashes escaped, no spaces, the same escapes and number forms), writing each value
/// straight into one buffer as it is encoded, and each object's members in the order they were
/// encoded. (`JSONEncoder` keeps an object's members in a dictionary and writes them in its
/// order, which changes from one encoding to the next: the same invoice was stored as different
/// text each time.)
///
/// Written by hand because a run stores every invoice as JSON on its one committing thread, and
/// `JSONEncoder`, which builds a tree of every value before it writes any byte, took a sixth of a
/// run's CPU there. The store now writes invoices without `Codable` (`Invoice.storeJSON`), and
/// this encoder is what tests hold that writer to, byte for byte. What this encoder does not
/// write the way `JSONEncoder` does (floating-point numbers, `Date`, `Data`, `URL`, `Decimal`,
/// `superEncoder`, writing into a container after a later one was begun, a top-level value that
/// writes nothing), it refuses with ``Unsupported``, and ``encodeLikeFoundation(_:)`` then hands
/// the value to `JSONEncoder`. A test holds the two encoders' JSON together.
struct StreamingJSONEncoder {
    /// The value uses something this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// `value` as `JSONEncoder().encode(value)` gives it: by this encoder when it can, else by
    /// `JSONEncoder`.
    static func encodeLikeFoundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        do {
            return try encode(value)
        } catch {
            // Refused, or the value threw: JSONEncoder writes it or throws its own error.
            return Array(try JSONEncoder().encode(value))
        }
    }

    /// `value` as JSON; throws ``Unsupported`` for what only `JSONEncoder` writes.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink()
        try SlotEncoder(sink: sink, path: nil).encodeValue(value, topLevel: true)
        try sink.finish()
        return sink.bytes
    }
}

/// The bytes written so far and the containers still open, innermost last.
private final class JSONSink {
    /// The state lives behind a pointer: Swift checks every access to a class's variable for
    /// exclusivity at run time, and those checks were a fifth of the encoding; through a
    /// pointer they are checked when compiled.
    private let state: UnsafeMutablePointer<State>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var bytes: [UInt8] { state.pointee.bytes }
    var refusal: StreamingJSONEncoder.Unsupported? { state.pointee.refusal }
    func refuse(_ reason: String) { state.pointee.refuse(reason) }
    func begin(object: Bool) -> Int { state.pointee.begin(object: object) }
    func member(of id: Int) throws { try state.pointee.member(of: id) }
    func finish() throws { try state.pointee.finish() }
    func string(_ text: String) { state.pointee.string(text) }
    func key(_ key: some CodingKey) { state.pointee.key(key) }
    func literal(_ text: StaticString) { state.pointee.literal(text) }
    func integer(_ value: some BinaryInteger) { state.pointee.integer(value) }

    /// Opens an object or array as the next member of container `id` (after `key` in an
    /// object) and returns its id, or 0 when refused (the refusal is kept).
    func nestedMember(of id: Int, key: (any CodingKey)?, object: Bool) -> Int {
        do {
            try member(of: id)
        } catch {
            return 0
        }
        if let key { self.key(key) }
        return begin(object: object)
    }

    /// An encoder for a superclass's members: refused, as JSONEncoder would merge them into
    /// this object after it went on.
    func refusedSuperEncoder(path: CodingPathNode?) -> any Encoder {
        refuse("superEncoder")
        return SlotEncoder(sink: self, path: path)
    }
}

/// What ``JSONSink`` holds: the bytes so far and the containers still open, innermost last.
private struct State {
    /// An open object or array and how many members it has so far.
    struct Frame {
        var id: Int
        var isObject: Bool
        var count: Int
    }

    var bytes: [UInt8] = []
    var open: [Frame] = []
    private var nextID = 0
    /// The first refusal; it stands even where `Encoder`'s non-throwing methods could not throw it.
    var refusal: StreamingJSONEncoder.Unsupported?

    init() { bytes.reserveCapacity(4_096) }

    mutating func refuse(_ reason: String) {
        if refusal == nil { refusal = StreamingJSONEncoder.Unsupported(description: reason) }
    }

    /// Writes `[` or `{` and returns the new container's frame id.
    mutating func begin(object: Bool) -> Int {
        nextID += 1
        open.append(Frame(id: nextID, isObject: object, count: 0))
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return nextID
    }

    /// Makes the container `id` the innermost open one again, closing those begun after it (they
    /// are complete once their parent goes on), and writes the separator of its next member.
    /// A container already closed cannot take more: JSONEncoder would still add to it.
    mutating func member(of id: Int) throws {
        if let refusal { throw refusal }
        guard let index = open.lastIndex(where: { $0.id == id }) else {
            refuse("written into a container after a later one was begun")
            throw refusal ?? StreamingJSONEncoder.Unsupported(description: "closed container")
        }
        while open.count > index + 1 { close() }
        if open[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[index].count += 1
    }

    private mutating func close() {
        // swift-format-ignore: NeverForceUnwrap
        let frame = open.removeLast()
        bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    mutating func finish() throws {
        if let refusal { throw refusal }
        while !open.isEmpty { close() }
    }

    /// A JSON string as JSONEncoder escapes it: quote, backslash and slash escaped, the short
    /// forms for backspace, form feed, newline, return and tab, `\u00XX` for the other control
    /// characters, everything else as its UTF-8 bytes.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                let escape: StaticString
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "/"): escape = "\\/"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0..<0x20: escape = ""
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                if escape.utf8CodeUnitCount > 0 {
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                } else {
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        hex[Int(byte >> 4)], hex[Int(byte & 0x0F)],
                    ])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func key(_ key: some CodingKey) {
        string(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: value.description.utf8)
    }
}

/// The encoder of one value's place: a member of an object or array, or the whole document.
private final class SlotEncoder: Encoder {
    let sink: JSONSink
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The container this place's value opened, if it is an object or array.
    private var container: (id: Int, isObject: Bool)?
    /// Whether anything was written for this place.
    private(set) var written = false

    init(sink: JSONSink, path: CodingPathNode?) {
        self.sink = sink
        self.path = path
    }

    /// Encodes `value` into this place. A value that writes nothing is an empty object, as in
    /// JSONEncoder, which refuses it at the top level, though.
    func encodeValue<T: Encodable>(_ value: T, topLevel: Bool = false) throws {
        // JSONEncoder writes these its own way, not by their `encode(to:)`.
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw StreamingJSONEncoder.Unsupported(description: "\(T.self)")
        }
        try value.encode(to: self)
        if let refusal = sink.refusal { throw refusal }
        if !written {
            if topLevel { throw StreamingJSONEncoder.Unsupported(description: "a top-level value that writes nothing") }
            written = true
            sink.literal("{}")
        }
    }

    /// Claims this place for a container, or finds the one it already opened.
    private func open(object: Bool) -> Int? {
        if let container {
            guard container.isObject == object else {
                sink.refuse("an object and an array in one place")
                return nil
            }
            return container.id
        }
        guard !written else {
            sink.refuse("a container after a single value in one place")
            return nil
        }
        written = true
        let id = sink.begin(object: object)
        container = (id, object)
        return id
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ObjectContainer<Key>(sink: sink, id: open(object: true) ?? 0, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayContainer(sink: sink, id: open(object: false) ?? 0, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// Marks the place written by a single value; a second is refused (JSONEncoder traps).
    fileprivate func claimSingle() throws {
        if let refusal = sink.refusal { throw refusal }
        guard !written else {
            sink.refuse("two values in one place")
            throw sink.refusal ?? StreamingJSONEncoder.Unsupported(description: "two values")
        }
        written = true
    }
}

extension SlotEncoder: SingleValueEncodingContainer {
    func encodeNil() throws {
        try claimSingle()
        sink.literal("null")
    }

    func encode(_ value: Bool) throws {
        try claimSingle()
        sink.literal(value ? "true" : "false")
    }

    func encode(_ value: String) throws {
        try claimSingle()
        sink.string(value)
    }

    func encode(_ value: Double) throws { throw StreamingJSONEncoder.Unsupported(description: "Double") }
    func encode(_ value: Float) throws { throw StreamingJSONEncoder.Unsupported(description: "Float") }
    func encode(_ value: Int) throws { try integer(value) }
    func encode(_ value: Int8) throws { try integer(value) }
    func encode(_ value: Int16) throws { try integer(value) }
    func encode(_ value: Int32) throws { try integer(value) }
    func encode(_ value: Int64) throws { try integer(value) }
    func encode(_ value: UInt) throws { try integer(value) }
    func encode(_ value: UInt8) throws { try integer(value) }
    func encode(_ value: UInt16) throws { try integer(value) }
    func encode(_ value: UInt32) throws { try integer(value) }
    func encode(_ value: UInt64) throws { try integer(value) }

    private func integer(_ value: some BinaryInteger) throws {
        try claimSingle()
        sink.integer(value)
    }

    func encode<T: Encodable>(_ value: T) throws {
        // The value takes this same place (e.g. an amount that encodes as its text).
        guard !written else {
            try claimSingle()
            return
        }
        try encodeValue(value)
    }
}

/// An object being written: each member is its key, then its value.
private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let id: Int
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }

    private func begin(_ key: Key) throws {
        try sink.member(of: id)
        sink.key(key)
    }

    mutating func encodeNil(forKey key: Key) throws {
        try begin(key)
        sink.literal("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try begin(key)
        sink.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try begin(key)
        sink.string(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        throw StreamingJSONEncoder.Unsupported(description: "Double")
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        throw StreamingJSONEncoder.Unsupported(description: "Float")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    private func integer(_ value: some BinaryInteger, _ key: Key) throws {
        try begin(key)
        sink.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try begin(key)
        try SlotEncoder(sink: sink, path: CodingPathNode(path, key)).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let id = nested(key, object: true)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(sink: sink, id: id, path: CodingPathNode(path, key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ArrayContainer(sink: sink, id: nested(key, object: false), path: CodingPathNode(path, key))
    }

    private func nested(_ key: Key, object: Bool) -> Int {
        sink.nestedMember(of: id, key: key, object: object)
    }

    mutating func superEncoder() -> any Encoder {
        sink.refusedSuperEncoder(path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.refusedSuperEncoder(path: path)
    }
}

/// An array being written, its members in order.
private struct ArrayContainer: UnkeyedEncodingContainer {
    let sink: JSONSink
    let id: Int
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }
    private(set) var count = 0

    init(sink: JSONSink, id: Int, path: CodingPathNode?) {
        self.sink = sink
        self.id = id
        self.path = path
    }

    private mutating func begin() throws {
        try sink.member(of: id)
        count += 1
    }

    mutating func encodeNil() throws {
        try begin()
        sink.literal("null")
    }

    mutating func encode(_ value: Bool) throws {
        try begin()
        sink.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: String) throws {
        try begin()
        sink.string(value)
    }

    mutating func encode(_ value: Double) throws { throw StreamingJSONEncoder.Unsupported(description: "Double") }
    mutating func encode(_ value: Float) throws { throw StreamingJSONEncoder.Unsupported(description: "Float") }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    private mutating func integer(_ value: some BinaryInteger) throws {
        try begin()
        sink.integer(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try SlotEncoder(sink: sink, path: CodingPathNode(path, ArrayIndexKey(count - 1))).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(ObjectContainer<NestedKey>(sink: sink, id: nested(object: true), path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayContainer(sink: sink, id: nested(object: false), path: path)
    }

    private mutating func nested(object: Bool) -> Int {
        count += 1
        return sink.nestedMember(of: id, key: nil, object: object)
    }

    mutating func superEncoder() -> any Encoder {
        sink.refusedSuperEncoder(path: path)
    }
}

/// One step of a coding path, linked to its parent: the path is only spelled out when asked for
/// (by an error message, mostly), not copied for every value.
private final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(_ parent: CodingPathNode?, _ key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func keys(_ node: CodingPathNode?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = node
        while let step = node {
            keys.append(step.key)
            node = step.parent
        }
        return keys.reversed()
    }
}

/// The key of an array member in a coding path: its index.
private struct ArrayIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
