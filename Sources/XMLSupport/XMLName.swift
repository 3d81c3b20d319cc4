/// The name of an element or attribute, as ``XMLWriter`` takes it: a string literal of the
/// writing code, or a name made at run time and checked when it was made.
///
/// A literal cannot change while the program runs, so the writers check each literal the first
/// time they meet it (a table of the literals checked, keyed by where their bytes live, shared by
/// the writers of the process) instead of on every element: a document repeats a few dozen names
/// hundreds of times, and a run writes a document per invoice and format. A name
/// that comes from data or a mapping is checked by ``init(_:)``, so an invalid one never reaches
/// the writer.
///
/// The name holds its UTF-8 bytes directly, so writing it is a copy with no `String` in between.
/// It is `@unchecked Sendable` because of that pointer: the bytes are never written after the name
/// is made, and they live as long as the name (a literal's in the program's constant data, any
/// other's in ``Bytes``, which the name keeps).
public struct XMLName: @unchecked Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name's UTF-8 bytes.
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    /// Owns the bytes of a name that is not a literal with an address; nil for one that is.
    @usableFromInline let owner: Bytes?
    /// Whether the name is a literal the writers judge the first time they meet it; false for a
    /// name judged when it was made.
    @usableFromInline let isLiteral: Bool

    /// A name written as a literal in the code; ``XMLWriter`` stops the program if it is not an XML name.
    ///
    /// Inlinable, so that making a name from a literal costs the caller two stores, not a call:
    /// a document makes one for every element it writes.
    @inlinable
    public init(stringLiteral value: StaticString) {
        if value.hasPointerRepresentation {
            self.init(bytes: UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
        } else {
            self.init(scalarLiteral: value)
        }
    }

    /// A literal name with an address of its own.
    @usableFromInline
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        owner = nil
        isLiteral = true
    }

    /// A one-character literal, held as its scalar with no bytes to point at: it gets bytes of
    /// its own, and is judged here, every time it is made.
    @usableFromInline
    init(scalarLiteral value: StaticString) {
        let name = value.description
        precondition(XMLWriter.isName(name), "\"\(name)\" is not an XML name")
        self.init(judged: name)
    }

    /// A name made at run time (from data or a mapping), or nil when `name` is not an XML 1.0 `Name`.
    ///
    /// Given a literal, `XMLName("x")` is the literal `"x" as XMLName` (Swift's rule for literal
    /// arguments), never nil: this initializer is for `String` values.
    public init?(_ name: String) {
        guard XMLWriter.isName(name) else { return nil }
        self.init(judged: name)
    }

    /// A name already judged, with bytes of its own.
    private init(judged name: String) {
        let owner = Bytes(name)
        self.owner = owner
        bytes = owner.buffer
        isLiteral = false
    }

    /// The name as text.
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether both are the same name, byte for byte.
    func hasSameBytes(as other: XMLName) -> Bool {
        bytes.elementsEqual(other.bytes)
    }

    /// The UTF-8 bytes of a name made at run time, at an address that stays put while the
    /// object lives (a `String`'s or an `Array`'s bytes may be moved or held inline).
    @usableFromInline
    final class Bytes: @unchecked Sendable {
        /// The bytes, allocated by the object and never written after `init`.
        let buffer: UnsafeBufferPointer<UInt8>

        init(_ text: String) {
            let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
            _ = storage.initialize(from: text.utf8)
            buffer = UnsafeBufferPointer(storage)
        }

        deinit {
            buffer.deallocate()
        }
    }
}
