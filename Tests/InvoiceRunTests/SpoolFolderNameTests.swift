import Testing

@testable import invoicerun

/// Account ids come from imported data: as spool folder names they must stay one path component.
@Suite
struct SpoolFolderNameTests {
    @Test(arguments: [
        ("CA-100001", "CA-100001"), ("../../etc", "_.._.._etc"), ("a/b", "a_b"), ("", "_"), (".hidden", "_.hidden"),
        ("Müller 1", "M_ller_1"),
    ])
    func accountIDsBecomeSafeFolderNames(account: String, folder: String) {
        #expect(RunOutputs.fileName(account) == folder)
    }
}
