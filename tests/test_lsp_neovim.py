"""A real editor: Neovim, headless, with its built-in LSP client, on a Markdown file. It shows
the server's diagnostics and applies a quick fix through its own code-action path.

Neovim comes from Debian's `neovim` package (CI installs it); without `nvim` the test skips.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

LUA = r"""
local out = {}
local function finish()
  local f = io.open(os.getenv("ASSERTLINT_NVIM_OUT"), "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = "markdown"
  local client_id = vim.lsp.start_client({
    name = "assertlint",
    cmd = vim.fn.json_decode(os.getenv("ASSERTLINT_NVIM_CMD")),
    root_dir = vim.fn.getcwd(),
  })
  vim.lsp.buf_attach_client(buf, client_id)

  local function diags()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { code = d.code, source = d.source, message = d.message, severity = d.severity,
                           lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col })
    end
    table.sort(list, function(a, b) return a.col < b.col end)
    return list
  end
  local function has(code)
    for _, d in ipairs(diags()) do if d.code == code then return d end end
    return nil
  end

  out.shown = vim.wait(90000, function() return has("APO001") ~= nil and has("JDG001") ~= nil end, 20)
  out.before = diags()
  local apo = has("APO001")
  if not apo then return end

  -- the user puts the cursor in the finding and picks the preferred quick fix from the menu
  vim.api.nvim_win_set_cursor(0, { apo.lnum + 1, apo.col + 2 })
  vim.ui.select = function(items, opts, on_choice)
    out.menu = {}
    for _, item in ipairs(items) do table.insert(out.menu, item[2].title) end
    for i, item in ipairs(items) do
      if item[2].isPreferred and item[2].title:match("^APO001") then return on_choice(item, i) end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  out.fixed = vim.wait(60000, function() return has("APO001") == nil and has("JDG001") ~= nil end, 20)
  out.after = diags()
  out.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  vim.lsp.stop_client(client_id)
end)
if not ok then out.error = tostring(err) end
finish()
"""


def test_neovim_shows_diagnostics_and_applies_a_quick_fix(tmp_path):
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not installed (Debian: apt-get install neovim); CI installs it")
    lines = ["# Notes 😀", "", "Déjà vu 😀 日本. Sorry to bother you, but is the report ready? You always ignore my emails."]
    doc = tmp_path / "notes.md"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "init.lua").write_text(LUA, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {**os.environ, "ASSERTLINT_NVIM_OUT": str(out),
           "ASSERTLINT_NVIM_CMD": json.dumps([sys.executable, "-m", "assertlint", "server"]),
           **{f"XDG_{d}_HOME": str(tmp_path / d.lower()) for d in ("CONFIG", "DATA", "STATE", "CACHE")}}
    proc = subprocess.run([nvim, "--headless", "--clean", "-n", "-S", str(tmp_path / "init.lua"), str(doc)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)
    assert out.exists(), f"nvim wrote nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    res = json.loads(out.read_text())
    assert "error" not in res, res["error"]
    assert res["shown"] is True, res

    line = lines[2]

    def col(s: str) -> int:  # Neovim's diagnostic columns are byte offsets in the line
        return len(line[: line.index(s)].encode("utf-8"))

    before = {d["code"]: d for d in res["before"]}
    apo, jdg = before["APO001"], before["JDG001"]
    assert (apo["lnum"], apo["col"]) == (2, col("Sorry to bother"))
    assert (jdg["lnum"], jdg["col"]) == (2, col("You always"))
    assert apo["source"] == "assertlint" and "(apology)" in apo["message"] and apo["severity"] == 2

    assert res["fixed"] is True, res
    assert any(t.startswith("APO001") for t in res["menu"]) and "Ignore APO001 on this line" in res["menu"]
    assert res["lines"] == ["# Notes 😀", "", "Déjà vu 😀 日本. Is the report ready? You always ignore my emails."]
    after = {d["code"]: d for d in res["after"]}
    assert set(after) == {"JDG001"}
    fixed = res["lines"][2]
    assert after["JDG001"]["col"] == len(fixed[: fixed.index("You always")].encode("utf-8"))
