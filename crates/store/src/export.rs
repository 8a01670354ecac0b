//! Exports of the events a filter selects (every one unless the filter
//! sets a limit): JSON Lines (one record per event, the `dyad code` event
//! fields with its document and story counts), CSV with GDELT-like
//! columns (one row per actor–recipient pair), GraphML of
//! country/organisation relations for Gephi, and Parquet behind the
//! `parquet` cargo feature.

use std::io::Write;

use rusqlite::Connection;

use crate::graph::{relations, Graph};
use crate::query::{for_each_event, EventFilter, EventRow};

pub use dyad_core::is_org_code;

/// The country of an actor code: the code itself unless it is an
/// organisation's.
fn country_of(code: &str) -> &str {
    if is_org_code(code) {
        ""
    } else {
        code
    }
}

fn io_err(what: &str) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{what}: cannot write: {e}")
}

/// Writes one JSON object per event (the [`EventRow`] fields: `type`,
/// `mode`, `actors`, `recipients`, ids, `context`, `date`, `quad`,
/// `score`, `confidence`, `evidence`, the document's `doc`, `url`,
/// `lang`, `title`, and the story's `story_id`, `num_articles`,
/// `num_sources`); returns the number of events.
pub fn jsonl(
    conn: &Connection,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<usize, String> {
    for_each_event(conn, filter, filter.limit, |row| {
        serde_json::to_writer(&mut *out, &row).map_err(|e| format!("jsonl: {e}"))?;
        out.write_all(b"\n").map_err(io_err("jsonl"))
    })
}

/// The CSV header, GDELT-like: one row per actor–recipient pair of an
/// event (`event_id` groups the rows of one event; `directed` is 0 for
/// the unordered pairs of a symmetric event).
pub const CSV_COLUMNS: [&str; 18] = [
    "event_id",
    "date",
    "actor1_code",
    "actor1_name",
    "actor1_country",
    "actor2_code",
    "actor2_name",
    "actor2_country",
    "event_code",
    "event_mode",
    "directed",
    "quad_class",
    "score",
    "num_articles",
    "num_sources",
    "doc",
    "source_url",
    "evidence",
];

/// The CSV rows of one event, each cell as text (see [`CSV_COLUMNS`]).
pub fn csv_rows(row: &EventRow) -> Vec<Vec<String>> {
    let opt = |v: Option<i64>| v.map_or_else(String::new, |n| n.to_string());
    row.pairs()
        .into_iter()
        .map(|p| {
            let (a_code, a_id) = p.actor;
            let (r_code, r_id) = p.recipient.unwrap_or(("", ""));
            vec![
                row.id.to_string(),
                row.date.clone().unwrap_or_default(),
                a_code.to_string(),
                a_id.to_string(),
                country_of(a_code).to_string(),
                r_code.to_string(),
                r_id.to_string(),
                country_of(r_code).to_string(),
                row.kind.clone(),
                row.mode.clone().unwrap_or_default(),
                u8::from(p.directed).to_string(),
                row.quad.to_string(),
                row.score.to_string(),
                opt(row.num_articles),
                opt(row.num_sources),
                row.doc.clone(),
                row.url.clone().unwrap_or_default(),
                row.evidence.clone(),
            ]
        })
        .collect()
}

/// Writes the CSV header and one row per actor–recipient pair of each
/// event (RFC 4180 quoting, `\n` line ends); returns the number of data
/// rows.
pub fn csv(conn: &Connection, filter: &EventFilter, out: &mut dyn Write) -> Result<usize, String> {
    let header: Vec<String> = CSV_COLUMNS.iter().map(|c| c.to_string()).collect();
    write_csv_line(out, &header).map_err(io_err("csv"))?;
    let mut n = 0;
    for_each_event(conn, filter, filter.limit, |row| {
        for cells in csv_rows(&row) {
            write_csv_line(out, &cells).map_err(io_err("csv"))?;
            n += 1;
        }
        Ok(())
    })?;
    Ok(n)
}

fn write_csv_line(out: &mut dyn Write, cells: &[String]) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let quote = cell.contains([',', '"', '\n', '\r'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if quote {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// Writes a GraphML graph of the selected events: a node per
/// country/organisation code (`label`, `kind` country or org, `events` it
/// takes part in) and a directed edge per ordered pair of codes related by
/// at least one event, with `weight` (events), `directed_events`,
/// `symmetric_events`, `q1`…`q4` (events per quad class), `mean_score` and
/// `stories` (distinct stories; events without one count alone).
///
/// A symmetric event (CONSULT, AGREE, COOPERATE between its actors) adds
/// to the edges of both directions, so the graph stays purely directed and
/// has no parallel edges (Gephi drops those). Pairs of a code with itself
/// make no edge. Returns (nodes, edges).
pub fn graphml(
    conn: &Connection,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<(usize, usize), String> {
    let graph = relations(conn, filter, true, 0)?;
    write_graphml(out, &graph).map_err(io_err("graphml"))?;
    Ok((graph.nodes.len(), graph.edges.len()))
}

const GRAPHML_KEYS: [(&str, &str, &str); 12] = [
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("events", "node", "int"),
    ("weight", "edge", "double"),
    ("directed_events", "edge", "int"),
    ("symmetric_events", "edge", "int"),
    ("q1", "edge", "int"),
    ("q2", "edge", "int"),
    ("q3", "edge", "int"),
    ("q4", "edge", "int"),
    ("mean_score", "edge", "double"),
    ("stories", "edge", "int"),
];

fn write_graphml(out: &mut dyn Write, graph: &Graph) -> std::io::Result<()> {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, on, ty) in GRAPHML_KEYS {
        s.push_str(&format!(
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{id}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    s.push_str("  <graph id=\"dyad\" edgedefault=\"directed\">\n");
    for node in &graph.nodes {
        let code = xml_escape(&node.id);
        s.push_str(&format!(
            "    <node id=\"{code}\"><data key=\"label\">{code}</data>\
             <data key=\"kind\">{}</data><data key=\"events\">{}</data></node>\n",
            node.kind, node.events
        ));
    }
    out.write_all(s.as_bytes())?;
    for (i, e) in graph.edges.iter().enumerate() {
        let line = format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data>\
             <data key=\"directed_events\">{}</data><data key=\"symmetric_events\">{}</data>\
             <data key=\"q1\">{}</data><data key=\"q2\">{}</data><data key=\"q3\">{}</data>\
             <data key=\"q4\">{}</data><data key=\"mean_score\">{:.4}</data>\
             <data key=\"stories\">{}</data></edge>\n",
            xml_escape(&e.source),
            xml_escape(&e.target),
            e.events,
            e.directed_events,
            e.symmetric_events,
            e.q1,
            e.q2,
            e.q3,
            e.q4,
            e.mean_score,
            e.stories,
        );
        out.write_all(line.as_bytes())?;
    }
    out.write_all(b"  </graph>\n</graphml>\n")?;
    out.flush()
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(feature = "parquet")]
pub use parquet_export::{parquet, PARQUET_SCHEMA};

#[cfg(feature = "parquet")]
mod parquet_export {
    //! Parquet through the `parquet` crate's low-level column writers (no
    //! arrow): one row per event, code lists as LIST columns, no
    //! compression, row groups of at most [`ROW_GROUP`] events.

    use std::path::Path;
    use std::sync::Arc;

    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    use rusqlite::Connection;

    use crate::query::{for_each_event, EventFilter, EventRow};

    const ROW_GROUP: usize = 65_536;

    /// The file's schema: a column per [`EventRow`] field in this order,
    /// but for the document row id, the sentence and `symmetric` (the
    /// sentence is in the JSON Lines export).
    pub const PARQUET_SCHEMA: &str = "message dyad_event {
        required int64 id;
        required binary doc (UTF8);
        optional binary date (UTF8);
        required binary type (UTF8);
        optional binary mode (UTF8);
        required int32 quad;
        required double score;
        required double confidence;
        required group actors (LIST) { repeated group list { required binary element (UTF8); } }
        required group recipients (LIST) { repeated group list { required binary element (UTF8); } }
        required group actor_ids (LIST) { repeated group list { required binary element (UTF8); } }
        required group recipient_ids (LIST) { repeated group list { required binary element (UTF8); } }
        required group context (LIST) { repeated group list { required binary element (UTF8); } }
        required binary evidence (UTF8);
        optional binary url (UTF8);
        optional binary lang (UTF8);
        optional binary title (UTF8);
        optional int64 story_id;
        optional int64 num_articles;
        optional int64 num_sources;
    }";

    /// Values and levels of one column of a row group.
    #[derive(Default)]
    struct Column<T> {
        values: Vec<T>,
        def: Vec<i16>,
        rep: Vec<i16>,
    }

    impl<T> Column<T> {
        fn required(&mut self, v: T) {
            self.values.push(v);
        }
        fn optional(&mut self, v: Option<T>) {
            self.def.push(i16::from(v.is_some()));
            self.values.extend(v);
        }
        fn list(&mut self, items: impl IntoIterator<Item = T>) {
            let start = self.def.len();
            for (i, v) in items.into_iter().enumerate() {
                self.def.push(1);
                self.rep.push(i16::from(i > 0));
                self.values.push(v);
            }
            if self.def.len() == start {
                self.def.push(0);
                self.rep.push(0);
            }
        }
        fn levels(&self) -> (Option<&[i16]>, Option<&[i16]>) {
            let def = (!self.def.is_empty()).then_some(self.def.as_slice());
            let rep = (!self.rep.is_empty()).then_some(self.rep.as_slice());
            (def, rep)
        }
        fn clear(&mut self) {
            self.values.clear();
            self.def.clear();
            self.rep.clear();
        }
    }

    #[derive(Default)]
    struct Group {
        rows: usize,
        id: Column<i64>,
        doc: Column<ByteArray>,
        date: Column<ByteArray>,
        kind: Column<ByteArray>,
        mode: Column<ByteArray>,
        quad: Column<i32>,
        score: Column<f64>,
        confidence: Column<f64>,
        lists: [Column<ByteArray>; 5],
        evidence: Column<ByteArray>,
        url: Column<ByteArray>,
        lang: Column<ByteArray>,
        title: Column<ByteArray>,
        story_id: Column<i64>,
        num_articles: Column<i64>,
        num_sources: Column<i64>,
    }

    fn text(s: &str) -> ByteArray {
        ByteArray::from(s.as_bytes().to_vec())
    }

    fn opt_text(s: &Option<String>) -> Option<ByteArray> {
        s.as_deref().map(text)
    }

    impl Group {
        fn push(&mut self, r: &EventRow) {
            self.rows += 1;
            self.id.required(r.id);
            self.doc.required(text(&r.doc));
            self.date.optional(opt_text(&r.date));
            self.kind.required(text(&r.kind));
            self.mode.optional(opt_text(&r.mode));
            self.quad.required(i32::from(r.quad));
            self.score.required(r.score);
            self.confidence.required(r.confidence);
            let lists = [
                &r.actors,
                &r.recipients,
                &r.actor_ids,
                &r.recipient_ids,
                &r.context,
            ];
            for (col, items) in self.lists.iter_mut().zip(lists) {
                col.list(items.iter().map(|s| text(s)));
            }
            self.evidence.required(text(&r.evidence));
            self.url.optional(opt_text(&r.url));
            self.lang.optional(opt_text(&r.lang));
            self.title.optional(opt_text(&r.title));
            self.story_id.optional(r.story_id);
            self.num_articles.optional(r.num_articles);
            self.num_sources.optional(r.num_sources);
        }

        fn write(
            &mut self,
            writer: &mut SerializedFileWriter<std::fs::File>,
        ) -> parquet::errors::Result<()> {
            let mut rg = writer.next_row_group()?;
            let mut index = 0;
            while let Some(mut col) = rg.next_column()? {
                macro_rules! put {
                    ($ty:ty, $c:expr) => {{
                        let (def, rep) = $c.levels();
                        col.typed::<$ty>().write_batch(&$c.values, def, rep)?;
                    }};
                }
                match index {
                    0 => put!(Int64Type, self.id),
                    1 => put!(ByteArrayType, self.doc),
                    2 => put!(ByteArrayType, self.date),
                    3 => put!(ByteArrayType, self.kind),
                    4 => put!(ByteArrayType, self.mode),
                    5 => put!(Int32Type, self.quad),
                    6 => put!(DoubleType, self.score),
                    7 => put!(DoubleType, self.confidence),
                    8..=12 => put!(ByteArrayType, self.lists[index - 8]),
                    13 => put!(ByteArrayType, self.evidence),
                    14 => put!(ByteArrayType, self.url),
                    15 => put!(ByteArrayType, self.lang),
                    16 => put!(ByteArrayType, self.title),
                    17 => put!(Int64Type, self.story_id),
                    18 => put!(Int64Type, self.num_articles),
                    19 => put!(Int64Type, self.num_sources),
                    _ => {
                        return Err(parquet::errors::ParquetError::General(format!(
                            "unexpected column {index}"
                        )))
                    }
                }
                col.close()?;
                index += 1;
            }
            rg.close()?;
            self.clear();
            Ok(())
        }

        fn clear(&mut self) {
            self.rows = 0;
            self.id.clear();
            self.doc.clear();
            self.date.clear();
            self.kind.clear();
            self.mode.clear();
            self.quad.clear();
            self.score.clear();
            self.confidence.clear();
            self.lists.iter_mut().for_each(Column::clear);
            self.evidence.clear();
            self.url.clear();
            self.lang.clear();
            self.title.clear();
            self.story_id.clear();
            self.num_articles.clear();
            self.num_sources.clear();
        }
    }

    /// Writes the selected events to a Parquet file at `path` (replaced if
    /// it exists) with the columns of [`PARQUET_SCHEMA`]; returns the
    /// number of events.
    pub fn parquet(conn: &Connection, filter: &EventFilter, path: &Path) -> Result<usize, String> {
        let err = |e: parquet::errors::ParquetError| format!("{}: {e}", path.display());
        let schema = Arc::new(parse_message_type(PARQUET_SCHEMA).map_err(err)?);
        let props = Arc::new(WriterProperties::builder().build());
        let file = std::fs::File::create(path)
            .map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
        let mut writer = SerializedFileWriter::new(file, schema, props).map_err(err)?;
        let mut group = Group::default();
        let n = for_each_event(conn, filter, filter.limit, |row| {
            group.push(&row);
            if group.rows >= ROW_GROUP {
                group.write(&mut writer).map_err(err)?;
            }
            Ok(())
        })?;
        if group.rows > 0 {
            group.write(&mut writer).map_err(err)?;
        }
        writer.close().map_err(err)?;
        Ok(n)
    }
}
