"""Sphinx configuration of the offline reading site.

`make site` runs sharedshield.site, which stages the pages (the navigation follows sharedshield.lessons.COURSE_MAP)
and calls sphinx-build with this folder as its configuration.
"""

import os

# The kernels that execute the notebooks inherit this: charts render as text/html for the site (see
# sharedshield.notebook.setup), and the copyrighted readings are never pulled into the published pages.
os.environ["SHAREDSHIELD_SITE"] = "1"
os.environ.pop("SHAREDSHIELD_READINGS", None)

project = "Shared Shield?"
author = "Shared Shield? contributors"
copyright = "Shared Shield? contributors; code MIT, course text and data CC BY 4.0"
language = "en"

extensions = ["myst_nb", "sharedshield.site"]
sharedshield_data_dir = os.environ.get("SHAREDSHIELD_DATA", "")
templates_path = []
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# --- notebooks: executed once per build, a failing cell fails the build ------------------------------
nb_execution_mode = "force"
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
nb_output_stderr = "show"
# The HTML builder's mime priority already prefers text/html; plotly's JupyterLab mimetype carries no
# HTML, so it is dropped on purpose: the site renderer (SHAREDSHIELD_SITE=1) emits text/html instead.
nb_mime_priority_overrides = [("html", "application/vnd.plotly.v1+json", None)]
nb_ipywidgets_js = {}  # never add require.js / the widgets manager from a CDN
myst_enable_extensions = ["colon_fence", "deflist"]  # no dollarmath: "$" in prose is money, not MathJax
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]

# --- HTML: everything local, nothing from another host -------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Shared Shield?"
html_static_path = ["_static"]
html_css_files = ["sharedshield.css"]
html_copy_source = True
html_sourcelink_suffix = ""  # the theme's download button then offers the .ipynb itself
html_show_sphinx = False
html_last_updated_fmt = None
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "icon_links": [],
    "navigation_with_keys": False,
    "extra_footer": "",
}
html_context = {"default_mode": "light"}
numfig = False
smartquotes = False  # show data values and quotes exactly as they are in the CSV files
