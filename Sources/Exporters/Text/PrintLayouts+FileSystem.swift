internal import Foundation

extension PrintLayouts {
    /// Loads every `*.mustache` in `directory` (and its `partials/` folder) and the page size in
    /// `page.json`, then lets the files of `overrides` replace any of them by name; `page`, if
    /// given, replaces the page size of both.
    public init(directory: String, overrides: String? = nil, page: PageSettings? = nil) throws(TemplateError) {
        try self.init(directories: [directory, overrides].compactMap(\.self), page: page)
    }

    /// Loads the templates, page size and language files of each folder in turn, a later folder's
    /// files replacing an earlier one's of the same name.
    public init(directories: [String], page pageSize: PageSettings? = nil) throws(TemplateError) {
        var templates: [String: (file: String, text: String)] = [:]
        var page = (file: "page settings", settings: PageSettings.standard)
        var languages: [String: PrintLanguage] = [:]
        for folder in directories {
            try Self.loadLanguages(from: folder + "/languages", into: &languages)
            if let settings = try Self.loadPage(folder + "/page.json") { page = (folder + "/page.json", settings) }
            for sub in ["", "partials"] {
                let path = sub.isEmpty ? folder : folder + "/" + sub
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    if sub.isEmpty {
                        throw TemplateError(file: path, line: 0, column: 0, message: "template folder not found")
                    }
                    continue
                }
                for name in names.sorted() where name.hasSuffix(".mustache") {
                    let file = path + "/" + name
                    guard let data = FileManager.default.contents(atPath: file),
                        let text = String(data: data, encoding: .utf8)
                    else {
                        throw TemplateError(file: file, line: 0, column: 0, message: "cannot read template as UTF-8")
                    }
                    templates[String(name.dropLast(".mustache".count))] = (file, text)
                }
            }
        }
        if let pageSize { page = ("page settings", pageSize) }
        do {
            try self.init(templates: templates, page: page.settings, languages: languages)
        } catch  where error.file == "page settings" {
            throw TemplateError(file: page.file, line: 0, column: 0, message: error.message)
        }
    }

    /// The page size in `file`, or nil when there is no such file.
    private static func loadPage(_ file: String) throws(TemplateError) -> PageSettings? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        do {
            return try JSONDecoder().decode(PageSettings.self, from: data)
        } catch {
            throw TemplateError(
                file: file, line: 0, column: 0, message: "expected {\"width\": characters, \"length\": lines}: \(error)"
            )
        }
    }

    /// Adds (or replaces) the languages of the `CODE.json` files in `folder`, if it exists.
    private static func loadLanguages(
        from folder: String, into languages: inout [String: PrintLanguage]
    ) throws(TemplateError) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
        where name.hasSuffix(".json") {
            let file = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TemplateError(file: file, line: 0, column: 0, message: "cannot read language file")
            }
            let code = String(name.dropLast(".json".count))
            languages[code] = try PrintLanguage.decode(data, code: code, file: file)
        }
    }
}
