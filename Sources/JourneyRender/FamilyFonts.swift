// FamilyFonts: the faces of one font-family list (the theme's "Noto Sans, DejaVu Sans, …"), plus
// the colour emoji faces, as a fontconfig configuration of their own with its own Pango font map.
//
// Why: for every distinct font (family, size, weight, style) Pango asks fontconfig to sort every
// face installed on the machine — hundreds with the Noto fonts — about 1.5 ms each, paid again by
// every process. Sorting the dozen faces the theme names is nearly free. The faces are the
// system's own (the same files, found through the system configuration), so a text drawn from
// this configuration looks exactly as it would through the system one.
//
// A text with a character none of these faces has is measured and drawn with the system
// configuration instead, so fallback to any installed font keeps working (`covers(_:)`).

import CCairo
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// fontconfig's start-up — reading its configuration files and font caches, a few milliseconds —
/// begun on a second thread first thing in the process (`journeyc`'s `main`), so it runs while
/// the arguments are parsed and the map is read and checked. The first font loaded waits for
/// it; without `begin()`, fonts load as they would anyway. The thread then sets up its own
/// fonts and stays, as the `MeasuringThread` a picture's texts are shared with (`takeHelper`):
/// a thread started in the middle of the run cost the main thread up to a few milliseconds.
public enum FontStartup {
    private struct State: @unchecked Sendable {
        var begun = false
        var helper: MeasuringThread?
    }

    private static let state = Mutex(State())
    private static let started = Latch()

    /// Starts fontconfig on a second thread (once; later calls do nothing).
    public static func begin() {
        state.withLock { s in
            guard !s.begun else { return }
            s.helper = MeasuringThread(prelude: {
                FontStartup.initialize()
                FontStartup.started.open()
            })
            s.begun = s.helper != nil
        }
    }

    /// fontconfig's start-up, as `FcInit()` does it less one step. `FcInit` (fontconfig 2.13.93
    /// and later) parses the configuration, then parses every file of the template folder
    /// (/usr/share/fontconfig/conf.avail, ~55 files the configuration does not use) only to keep
    /// their descriptions for `fc-conflist`, then loads the font caches: the descriptions are a
    /// third of its time (29 → 19 M instructions). The configuration made here is the same one
    /// (same files, `FONTCONFIG_FILE` and `FONTCONFIG_SYSROOT` honoured, same fonts) without
    /// them, made current before anything else asks fontconfig for one. Whenever a step fails,
    /// `FcInit()` starts fontconfig its own way (with its fallback configuration and messages).
    static func initialize() {
        if let config = systemConfiguration() {
            _ = FcConfigSetCurrent(config)
            FcConfigDestroy(config)  // the current configuration keeps its own reference
        }
        _ = FcInit()
    }

    /// The system's configuration with its fonts, made as `FcInit` makes it less the template
    /// folder's descriptions; nil when a step fails. The caller owns it.
    static func systemConfiguration() -> OpaquePointer? {
        guard let config = FcConfigCreate() else { return nil }
        guard FcConfigParseAndLoad(config, nil, 0) != 0, FontStartup.hasCacheDirectory(config), FcConfigBuildFonts(config) != 0 else {
            FcConfigDestroy(config)
            return nil
        }
        return config
    }

    /// Whether the configuration names a cache folder (`FcInit` adds one, with a warning, when not).
    private static func hasCacheDirectory(_ config: OpaquePointer) -> Bool {
        guard let list = FcConfigGetCacheDirs(config) else { return false }
        defer { FcStrListDone(list) }
        return FcStrListNext(list) != nil
    }

    /// The start-up thread, to measure texts with once fontconfig has started (nil when none
    /// was begun or it was taken already). A thread never taken waits, idle, until the process ends.
    public static func takeHelper() -> MeasuringThread? {
        state.withLock { s in
            defer { s.helper = nil }
            return s.helper
        }
    }

    /// Waits until a start-up begun by `begin()` has finished (at once when none was begun).
    static func wait() {
        guard state.withLock({ $0.begun }) else { return }
        started.wait()
    }
}

/// A gate that opens once and stays open.
final class Latch: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let signal = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var isOpen = false

    init() {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(signal, nil)
    }

    func open() {
        pthread_mutex_lock(lock)
        isOpen = true
        pthread_cond_broadcast(signal)
        pthread_mutex_unlock(lock)
    }

    func wait() {
        pthread_mutex_lock(lock)
        while !isOpen { pthread_cond_wait(signal, lock) }
        pthread_mutex_unlock(lock)
    }
}

/// Unchecked Sendable: an instance is used only on the thread that made it (see `shared`).
final class FamilyFonts: @unchecked Sendable {
    /// One instance per thread and family list, kept for the life of the process, so every
    /// measurer a thread makes (a batch build draws hundreds of maps) reuses the loaded fonts.
    /// Per thread, as Pango's own default font map is: Pango objects are not shared between
    /// threads.
    private static let perThread = Mutex<[Key: FamilyFonts?]>([:])

    private struct Key: Hashable {
        var thread: UInt
        var families: String
    }

    static func shared(_ families: String) -> FamilyFonts? {
        let key = Key(thread: UInt(pthread_self()), families: families)
        if let known = perThread.withLock({ $0[key] }) { return known }
        let made = FamilyFonts(families: families, configure: FontOptions.configure)
        perThread.withLock { $0[key] = made }
        return made
    }

    let context: OpaquePointer
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    /// The faces' character sets, owned by the faces (which the configuration keeps alive).
    private let charsets: [OpaquePointer]
    /// Which ASCII characters the faces cover, as a bit per code point.
    private let ascii: (low: UInt64, high: UInt64)

    /// nil when fontconfig cannot start or none of the families is installed.
    init?(families: String, configure: (OpaquePointer?) -> Void) {
        FontStartup.wait()
        guard FcInit() != 0, let system = FcConfigGetFonts(nil, FcSetSystem) else { return nil }
        let wanted = Set(families.split(separator: ",").map { FamilyFonts.key(String($0)) })
        var faces: [OpaquePointer] = []
        for i in 0..<Int(system.pointee.nfont) {
            guard let face = system.pointee.fonts[i] else { continue }
            if FamilyFonts.isColour(face) || FamilyFonts.familyNames(face).contains(where: { wanted.contains(FamilyFonts.key($0)) }) {
                faces.append(face)
            }
        }
        guard faces.contains(where: { !FamilyFonts.isColour($0) }), let config = FcConfigCreate() else { return nil }
        defer { FcConfigDestroy(config) }  // the font map keeps its own reference
        guard FcConfigParseAndLoadFromMemory(config, FamilyFonts.synthesis, 1) != 0 else { return nil }
        // Adding a file is the public way to give a configuration its application font set;
        // /dev/null holds no font, so the set starts empty and takes the system's faces as they are.
        _ = FcConfigAppFontAddFile(config, "/dev/null")
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return nil }
        var charsets: [OpaquePointer] = []
        for face in faces {
            FcPatternReference(face)
            guard FcFontSetAdd(set, face) != 0 else { FcPatternDestroy(face); continue }
            var charset: OpaquePointer?
            if FcPatternGetCharSet(face, FC_CHARSET, 0, &charset) == FcResultMatch, let charset { charsets.append(charset) }
        }
        guard let map = pango_cairo_font_map_new() else { return nil }
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        fontMap = map
        context = pango_font_map_create_context(map)
        configure(context)
        self.charsets = charsets
        var low: UInt64 = 0, high: UInt64 = 0
        for v in UInt32(0)..<128 where charsets.contains(where: { FcCharSetHasChar($0, v) != 0 }) {
            if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
        }
        ascii = (low, high)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Whether every character of `text` that needs a glyph is in one of the faces. Controls,
    /// format characters and separators need none: Pango draws them with the font around them.
    func covers(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 64, ascii.low & (1 << UInt64(v)) != 0 { continue }
            if v >= 64, v < 128, ascii.high & (1 << UInt64(v - 64)) != 0 { continue }
            if v >= 128, charsets.contains(where: { FcCharSetHasChar($0, v) != 0 }) { continue }
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: continue
            default: return false
            }
        }
        return true
    }

    /// fontconfig's standard rules (90-synthetic.conf) for a style a family lacks: a slanted
    /// roman for italic (a CJK quote), an emboldened regular for bold. Without them the
    /// private configuration would draw such text upright or regular where the system slants it.
    private static let synthesis = """
        <?xml version="1.0"?>
        <fontconfig>
          <match target="font">
            <test name="slant"><const>roman</const></test>
            <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
            <edit name="matrix" mode="assign">
              <times><name>matrix</name><matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix></times>
            </edit>
            <edit name="slant" mode="assign"><const>oblique</const></edit>
            <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
          </match>
          <match target="font">
            <test name="weight" compare="less_eq"><const>medium</const></test>
            <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
            <edit name="embolden" mode="assign"><bool>true</bool></edit>
            <edit name="weight" mode="assign"><const>bold</const></edit>
          </match>
        </fontconfig>
        """

    private static func key(_ family: String) -> String {
        var s = Substring(family)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s.lowercased()
    }

    private static func familyNames(_ face: OpaquePointer) -> [String] {
        var names: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        var k: Int32 = 0
        while FcPatternGetString(face, FC_FAMILY, k, &value) == FcResultMatch, let value {
            names.append(String(cString: value))
            k += 1
        }
        return names
    }

    private static func isColour(_ face: OpaquePointer) -> Bool {
        var colour: FcBool = 0
        return FcPatternGetBool(face, FC_COLOR, 0, &colour) == FcResultMatch && colour != 0
    }
}
