/** Help texts: what each command does, its options and defaults, and its exit codes. */
export const help: Record<string, string> = {
  main: `Usage: fieldguide <command> [options]

Builds a static troubleshooting site from structured JSON content.

Commands:
  build     validate data/ and build the site into _site/
  serve     build, then serve on http://127.0.0.1:8080 and rebuild on edits
  bundle    zip the built site for reading offline, from disk, with search
  help      show help for a command (fieldguide help build)

Run 'fieldguide <command> --help' for the options of a command.
Exit codes: 0 success, 1 content or build errors, 2 usage errors.`,

  build: `Usage: fieldguide build [--data DIR] [--out DIR]

Validates every file of the data folder, reporting all problems at once, then renders
the site into a temporary folder, checks every internal link and #fragment, builds the
search index (one per language, with Pagefind), and only then replaces the output
folder. A failed build leaves the previous output untouched.

Options:
  --data DIR   content folder (default: data)
  --out DIR    output folder (default: _site)
  -h, --help   show this help

Exit codes: 0 built, 1 content errors, broken internal links or a search index error
(report on stderr), 2 usage errors.`,

  serve: `Usage: fieldguide serve [--data DIR] [--out DIR] [--port N] [--host ADDR]

Builds the site and serves it with live reload; edits to the data folder and to the
templates in _includes/ rebuild it and reload the browser. Content errors are printed
and the last good pages stay served. Restart it after changing Fieldguide's own code
in src/.

Options:
  --data DIR   content folder (default: data)
  --out DIR    output folder (default: _site)
  --port N     port (default: 8080)
  --host ADDR  address to listen on (default: 127.0.0.1; use 0.0.0.0 to share on
               your network)
  -h, --help   show this help`,

  bundle: `Usage: fieldguide bundle [--site DIR] [--out FILE.zip]

Writes a zip of a built site that works when unzipped and opened straight from disk
(file://): every link names its index.html, and search works with no server and no
network. The zip holds a README.txt saying which file to open. Prints the zip's size.

Options:
  --site DIR      built site to bundle (default: _site; run 'fieldguide build' first)
  --out FILE.zip  zip to write (default: dist/site.zip); the site sits in a folder
                  named after the file (site/index.html)
  -h, --help      show this help

Exit codes: 0 written, 1 the folder is not a built site or the zip cannot be written,
2 usage errors.`,
};
