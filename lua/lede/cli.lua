-- The `lede` command: pages in, one JSON line (or text) per page out.
local lede = require "lede"
local core = require "lede.core"
local html_page = require "lede.html_page"
local json = require "lede.json"

local M = {}

M.usage = [[
usage: lede [options] [FILE|DIR|-]...

Extracts the article from each page and prints one JSON object per line.
Directories are walked for *.html and *.htm files; "-" (or no argument)
reads one page from standard input. *.warc and *.warc.gz files (also found in
directories) give one record per HTML response with status 200.

commands:
  lede filters list         the filter files lede loads, and from where
  lede filters test [NAME]  run the self-tests of the filters (all, or NAME)
  lede filters check-ftr DIR  check every FiveFilters site config of DIR
  lede inspect PAGE         the blocks of a page and what extraction did with each

options:
  -f, --format FORMAT   json (default), text, markdown or html
  -u, --url URL         the page's URL (only with a single input)
      --charset NAME    the page's charset, as an HTTP header would give it
  -o, --output FILE     write to FILE instead of standard output
      --filters DIR     also load filter files from DIR (repeatable; before LEDE_FILTERS)
      --filter FILE     use this filter file for every page, whatever the host
      --ftr DIR         also load FiveFilters site configs from DIR (or LEDE_FTR)
      --wire POLICY     keep (default), field or drop wire credits and datelines in text
      --favor WHAT      precision (prune harder), recall (keep header and widget
                        lines) or balanced (the default)
      --no-links        markdown and html without links (their text stays)
      --no-images       markdown and html without images
      --no-tables       no tables, in text as well as markdown and html
      --comments        the readers' comments in a "comments" field (never in text)
      --progress        report progress on standard error
  -s, --standalone      with --format html: a whole HTML page, metadata in <head>
  -h, --help            show this help
  -V, --version         show the version

A page that cannot be read or has no article yields {"source":..., "error":...}
and a message on standard error; the run goes on. Exit status: 0 when every
input gave an article, 1 when any failed, 2 for usage errors.
]]

local FORMATS = { json = true, text = true, markdown = true, html = true }

local function usage_error(msg)
  return nil, msg
end

-- Options that take a value, by every spelling.
local VALUED = {
  ["-f"] = "format", ["--format"] = "format", ["-u"] = "url", ["--url"] = "url",
  ["-o"] = "output", ["--output"] = "output", ["--charset"] = "charset",
  ["--filter"] = "filter", ["--ftr"] = "ftr", ["--wire"] = "wire",
  ["--favor"] = "favor",
}
-- Options that may be given several times, collected in order.
local REPEATED = { ["--filters"] = "filter_dirs" }
local WIRE = { keep = true, field = true, drop = true }
local FAVOR = { precision = true, recall = true, balanced = true }

-- Subcommands, each a module with main(args) -> exit status.
M.commands = { filters = "lede.cli_filters", inspect = "lede.inspect" }
local FLAGS = {
  ["-h"] = "help", ["--help"] = "help", ["-V"] = "version", ["--version"] = "version",
  ["--progress"] = "progress", ["-s"] = "standalone", ["--standalone"] = "standalone",
  ["--no-links"] = "no_links", ["--no-images"] = "no_images", ["--no-tables"] = "no_tables",
  ["--comments"] = "comments",
}

function M.parse_args(args)
  local opts = { format = "json", inputs = {}, filter_dirs = {} }
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    if REPEATED[name] then
      local v = inline
      if not v then i = i + 1; v = args[i] end
      if not v then return usage_error("option " .. name .. " needs a value") end
      table.insert(opts[REPEATED[name]], v)
    elseif VALUED[name] then
      local v = inline
      if not v then i = i + 1; v = args[i] end
      if not v then return usage_error("option " .. name .. " needs a value") end
      opts[VALUED[name]] = v
    elseif FLAGS[name] and not inline then
      opts[FLAGS[name]] = true
    elseif a == "--" then
      for k = i + 1, #args do opts.inputs[#opts.inputs + 1] = args[k] end
      break
    elseif a:sub(1, 1) == "-" and a ~= "-" then
      return usage_error("unknown option " .. a)
    else
      opts.inputs[#opts.inputs + 1] = a
    end
    i = i + 1
  end
  if not FORMATS[opts.format] then
    return usage_error("unknown format '" .. opts.format .. "' (json, text, markdown or html)")
  end
  if opts.standalone and opts.format ~= "html" then
    return usage_error("--standalone needs --format html")
  end
  if opts.wire and not WIRE[opts.wire] then
    return usage_error("unknown wire policy '" .. opts.wire .. "' (keep, field or drop)")
  end
  if opts.favor and not FAVOR[opts.favor] then
    return usage_error("unknown --favor '" .. opts.favor .. "' (precision, recall or balanced)")
  end
  if #opts.inputs == 0 then opts.inputs[1] = "-" end
  return opts
end

local function is_page_name(name)
  local lower = name:lower()
  return lower:match("%.html?$") ~= nil
end

-- WARC input: *.warc and *.warc.gz files.
local function is_warc_name(name)
  local lower = name:lower()
  return lower:match("%.warc$") ~= nil or lower:match("%.warc%.gz$") ~= nil
end

-- Expands directories (sorted, recursively) into page files; keeps order.
local function expand_inputs(inputs, on_error)
  local files = {}
  local function walk(dir)
    local names, err = core.listdir(dir)
    if not names then on_error(dir, err); return end
    table.sort(names)
    for _, name in ipairs(names) do
      local path = dir:gsub("/$", "") .. "/" .. name
      local kind = core.filetype(path)
      if kind == "directory" then walk(path)
      elseif kind == "file" and (is_page_name(name) or is_warc_name(name)) then
        files[#files + 1] = path
      end
    end
  end
  for _, input in ipairs(inputs) do
    if input ~= "-" and core.filetype(input) == "directory" then walk(input)
    else files[#files + 1] = input end
  end
  return files
end

local function read_input(path)
  if path == "-" then return io.stdin:read("a") end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data, rerr = f:read("a")
  f:close()
  if not data then return nil, path .. ": " .. tostring(rerr) end
  return data
end

local function strip_path(msg, path)
  -- io.open's messages already start with the path; do not say it twice
  if msg:sub(1, #path + 2) == path .. ": " then return msg:sub(#path + 3) end
  return msg
end

-- One page's bytes -> an article or nil, reason; never raises.
local function extract_page(html, source, opts, url, charset)
  local ok, article, xerr = pcall(lede.extract, html, {
    url = url, charset = charset, markdown = opts.format == "markdown",
    html = opts.format == "html",
    wire = opts.wire, favor = opts.favor, filter = opts.filter, filter_dirs = opts.filter_dirs, ftr = opts.ftr,
    links = not opts.no_links, images = not opts.no_images, tables = not opts.no_tables,
    comments = opts.comments == true })
  if not ok then return nil, "internal error: " .. tostring(article) end
  if not article then return nil, xerr end
  article.source = source
  return article
end

-- One input -> an article or an error record; never raises.
local function process(path, opts)
  local html, err = read_input(path)
  if not html then return nil, strip_path(err or "cannot read", path) end
  return extract_page(html, path, opts, opts.url, opts.charset)
end

-- Every response record with an HTML type and status 200 gives a record
-- through emit(article, source, err); other records are counted, not reported.
-- A file that cannot be read to its end gives one error record for the file.
local WARC_HTML = { ["text/html"] = true, ["application/xhtml+xml"] = true }

local function process_warc(path, opts, emit)
  local pages, failed, skipped = 0, 0, 0
  local function tell(final)
    if opts.progress or (final and pages >= 50) or (not final and pages % 50 == 0) then
      io.stderr:write(string.format("lede: %s: %d pages, %d failed, %d other records skipped%s\n",
        path, pages, failed, skipped, final and " (done)" or ""))
    end
  end
  for rec in core.warc_records(path) do
    if rec.error and not rec.length then  -- the file cannot be read further
      failed = failed + 1
      emit(nil, path, strip_path(rec.error, path))
    elseif rec.type == "response" and rec.status == 200 and WARC_HTML[rec.content_type] then
      local source = path .. "#" .. (rec.id or ("offset " .. rec.offset))
      local article, err = nil, rec.error  -- rec.error: a record over the size limit
      if not err then
        article, err = extract_page(rec.body, source, opts, rec.uri or opts.url,
          rec.charset or opts.charset)
      end
      pages = pages + 1
      if not article then failed = failed + 1 end
      emit(article, source, err)
      tell(false)
    else
      skipped = skipped + 1
    end
  end
  tell(true)
end

local function write_record(out, opts, article, first)
  if opts.format == "json" then
    json.write_line(out, article)
    return
  end
  if not first then out:write("\f\n") end
  if opts.format == "html" and opts.standalone then
    out:write(html_page.render(article))
    return
  end
  if opts.format == "html" then
    local h1 = article.title and ("<h1>" .. json.html_escape(article.title) .. "</h1>\n") or ""
    out:write("<article>\n", h1, article.html or "", "\n</article>\n")
    return
  end
  local body = opts.format == "markdown" and (article.markdown or article.text) or article.text
  if article.title then
    out:write(opts.format == "markdown" and "# " or "", article.title, "\n\n")
  end
  out:write(body, "\n")
end

local function progress(opts, done, total, failed)
  if opts.progress or (total >= 50 and done % 50 == 0) then
    io.stderr:write(string.format("lede: %d/%d pages, %d failed\n", done, total, failed))
  end
end

function M.main(args)
  local command = args[1] and M.commands[args[1]]
  if command then
    return require(command).main(table.move(args, 2, #args, 1, {}))
  end
  local opts, err = M.parse_args(args)
  if not opts then
    io.stderr:write("lede: ", err, "\n", "Try 'lede --help'.\n")
    return 2
  end
  if opts.help then io.stdout:write(M.usage); return 0 end
  if opts.version then io.stdout:write("lede ", lede.version, "\n"); return 0 end
  local failed = 0
  local function report(source, msg)
    failed = failed + 1
    io.stderr:write("lede: ", source, ": ", msg, "\n")
    return { source = source, error = msg }
  end
  local errors_first = {}
  local files = expand_inputs(opts.inputs, function(dir, msg)
    errors_first[#errors_first + 1] = report(dir, strip_path(msg, dir))
  end)
  if opts.url and #files > 1 then
    io.stderr:write("lede: --url applies to a single input, not ", #files, "\n")
    return 2
  end
  local out = io.stdout
  if opts.output then
    local f, oerr = io.open(opts.output, "w")
    if not f then io.stderr:write("lede: ", oerr, "\n"); return 2 end
    out = f
  end
  for _, rec in ipairs(errors_first) do
    if opts.format == "json" then out:write(json.encode(rec), "\n") end
  end
  local written = 0  -- a WARC file gives many records
  local function emit(article, source, perr)
    if article then
      write_record(out, opts, article, written == 0)
      written = written + 1
    else
      local rec = report(source, perr)
      if opts.format == "json" then out:write(json.encode(rec), "\n") end
    end
  end
  for i, path in ipairs(files) do
    if is_warc_name(path) then
      process_warc(path, opts, emit)
    else
      local article, perr = process(path, opts)
      emit(article, path, perr)
    end
    progress(opts, i, #files, failed)
  end
  if out ~= io.stdout then out:close() else out:flush() end
  return failed > 0 and 1 or 0
end

-- Run as the `lede` executable's script (no module name); required, only return M.
if ... ~= "lede.cli" then return M.main(arg) end
return M
