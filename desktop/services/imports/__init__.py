"""Reading accounting exports into a `ParsedExport` (services layer: no Qt, no database).

- `sniff`: format and encoding detection, streamed decoding (`detect_format`,
  `decode_bytes`, `ImportCancelled`);
- `fec`: the Fichier des Écritures Comptables (`parse_fec`);
- `tabular`: CSV and Excel aged balances read through a `ColumnMapping`
  (`preview_table`, `guess_mapping`, `parse_table`).

Both parsers stream the file, never raise on bad content (each problem becomes a
`RejectedLine`) and raise only `ImportCancelled` when `cancelled()` returns True.
"""
