internal import Foundation
public import InvoicingCore

/// The print layouts of every company code: the bundled templates, a company's own folder
/// (`--templates`), and in either a folder `companies/CODE/` whose files apply to the documents
/// of company code `CODE` only.
///
/// Every folder is loaded (and every template parsed) up front, so a broken template stops a
/// run before it numbers anything.
public struct PrintLayoutLibrary: Sendable {
    /// The layouts of company codes without a folder of their own.
    public let standard: PrintLayouts
    /// The layouts of company codes with a `companies/CODE/` folder.
    public let byCompanyCode: [String: PrintLayouts]

    /// Loads `directory`, then `overrides`, and for each company code with a folder in either,
    /// the same with its folders on top: bundled, bundled company, own, own company.
    public init(directory: String, overrides: String? = nil) throws(TemplateError) {
        let folders = [directory, overrides].compactMap(\.self)
        standard = try PrintLayouts(directories: folders)
        var codes = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/companies")) ?? []
            codes.formUnion(names.filter { !$0.hasPrefix(".") })
        }
        var byCompanyCode: [String: PrintLayouts] = [:]
        for code in codes.sorted() {
            let layered = folders.flatMap { folder in
                let own = folder + "/companies/" + code
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: own, isDirectory: &isFolder) && isFolder.boolValue
                    ? [folder, own] : [folder]
            }
            byCompanyCode[code] = try PrintLayouts(directories: layered)
        }
        self.byCompanyCode = byCompanyCode
    }

    /// The layouts for documents of `companyCode`.
    public func layouts(forCompanyCode companyCode: String) -> PrintLayouts {
        byCompanyCode[companyCode] ?? standard
    }

    /// The posting journal of `documents`, FI documents of `companyCode`: in that company code's
    /// layouts and its country's language, cut into pages.
    public func journal(
        _ documents: [FIDocument], companyCode: CompanyCode, runID: String
    ) throws(TemplateError) -> String {
        let own = layouts(forCompanyCode: companyCode.id)
        return try own.render(journalBuilder(companyCode).model(documents, companyCode: companyCode, runID: runID))
    }

    /// The builder of `companyCode`'s posting journals: its page, its country's language.
    public func journalBuilder(_ companyCode: CompanyCode) -> PostingJournalBuilder {
        let own = layouts(forCompanyCode: companyCode.id)
        return PostingJournalBuilder(
            page: own.page, language: own.language(PrintLanguage.forCountry(companyCode.country).code))
    }
}
