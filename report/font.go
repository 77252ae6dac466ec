package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/flopp/go-findfont"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// DefaultFontPath is where Debian's fonts-noto-cjk puts Noto Sans CJK, and
// where the Docker image copies it.
const DefaultFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

// FontEnv names the environment variable that overrides the font's path
// when the config gives none.
const FontEnv = "PINGAN_FONT"

// InstallHint says what to install when no Chinese font is found.
const InstallHint = "install the Debian/Ubuntu package fonts-noto-cjk (apt-get install fonts-noto-cjk), " +
	"or point chart.font or $" + FontEnv + " at a .ttc/.otf/.ttf with Simplified Chinese glyphs"

// fontNames are the files looked for in the system's font directories
// (go-findfont) when the default path holds nothing: Noto Sans CJK as other
// distributions and macOS name it, and Source Han Sans, its twin.
var fontNames = []string{
	"NotoSansCJK-Regular.ttc",
	"NotoSansCJKsc-Regular.otf",
	"NotoSansSC-Regular.otf",
	"SourceHanSansSC-Regular.otf",
	"SourceHanSans-Regular.ttc",
}

// probe is text every chart draws; a font lacking any of these glyphs
// would draw boxes.
const probe = "报平安日周支部身体不适超时未联系求助"

// ErrNoFont is wrapped by every error FindFont returns when no usable
// Chinese font is there.
var ErrNoFont = errors.New("no Chinese (CJK) font for the chart")

// Font is a parsed font face with Simplified Chinese glyphs.
type Font struct {
	// Path is the file the face came from.
	Path string
	// Name is the face's family name (e.g. Noto Sans CJK SC).
	Name string

	face *opentype.Font
}

// FindFont loads the chart's font: path when given (the config's
// chart.font), else $PINGAN_FONT, else DefaultFontPath, else the first of
// a few known CJK font files in the system's font directories. A path that
// was asked for and fails is an error, not a reason to look elsewhere.
// Every failure wraps ErrNoFont and says what to install.
func FindFont(path string) (*Font, error) {
	return findFont(path, os.Getenv(FontEnv), DefaultFontPath, findfont.Find)
}

func findFont(path, env, def string, find func(string) (string, error)) (*Font, error) {
	for _, p := range []string{path, env} {
		if p != "" {
			return LoadFont(p)
		}
	}
	tried := []string{def}
	if _, err := os.Stat(def); err == nil {
		return LoadFont(def)
	}
	for _, name := range fontNames {
		p, err := find(name)
		if err != nil || !strings.EqualFold(filepath.Base(p), name) {
			continue // go-findfont also returns partial matches: only the file itself will do
		}
		return LoadFont(p)
	}
	tried = append(tried, strings.Join(fontNames, ", ")+" in the system font directories")
	return nil, fmt.Errorf("%w: looked for %s; %s", ErrNoFont, strings.Join(tried, " and "), InstallHint)
}

// LoadFont parses the font file at path (a TrueType/OpenType font or a
// collection; in a collection, the Simplified Chinese face: "… SC", which
// is index 2 in Noto Sans CJK) and checks that it has the chart's glyphs.
func LoadFont(path string) (*Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v; %s", ErrNoFont, err, InstallHint)
	}
	f, err := parseFont(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v; %s", ErrNoFont, path, err, InstallHint)
	}
	f.Path = path
	return f, nil
}

func parseFont(b []byte) (*Font, error) {
	coll, err := opentype.ParseCollection(b)
	if err != nil {
		return nil, fmt.Errorf("not a font file: %v", err)
	}
	var buf sfnt.Buffer
	pick, pickName := -1, ""
	for i := 0; i < coll.NumFonts(); i++ {
		f, err := coll.Font(i)
		if err != nil {
			return nil, fmt.Errorf("face %d: %v", i, err)
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		sc := strings.HasSuffix(name, " SC") && !strings.Contains(name, "Mono")
		if pick < 0 || sc {
			pick, pickName = i, name
		}
		if sc {
			break
		}
	}
	if pick < 0 {
		return nil, errors.New("holds no font face")
	}
	face, _ := coll.Font(pick)
	for _, r := range probe {
		g, err := face.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return nil, fmt.Errorf("face %q has no glyph for %q: it is not a Chinese font", pickName, r)
		}
	}
	return &Font{Name: pickName, face: face}, nil
}
