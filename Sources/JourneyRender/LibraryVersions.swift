// LibraryVersions: the versions of the shared libraries that decide a picture's bytes (Cairo
// writes the files, Pango and HarfBuzz shape the text, fontconfig picks the fonts), as the
// running process loaded them. They are not part of journeyc's binary, so a system upgrade can
// change a picture without changing journeyc: `journeyc build` keys its manifest on them too.

import CCairo

public enum LibraryVersions {
    /// "cairo 1.16.0 pango 1.50.12 harfbuzz 6.0.0 fontconfig 21400", read once.
    public static let text: String = {
        let cairo = String(cString: cairo_version_string())
        let pango = String(cString: pango_version_string())
        let harfbuzz = String(cString: hb_version_string())
        return "cairo \(cairo) pango \(pango) harfbuzz \(harfbuzz) fontconfig \(FcGetVersion())"
    }()
}
