type R = Record<string, any>;

export interface GpSummaryView {
  title: string;
  date: string;
  sections: Array<{ code: string; title: string; lines: string[] }>;
}

/** A summary as people read it: its Composition's title, date and each section's words (the narrative, as paragraphs). */
export function readGpSummary(bundle: R): GpSummaryView {
  const composition = (bundle.entry?.[0]?.resource ?? {}) as R;
  return {
    title: String(composition.title ?? ''),
    date: String(composition.date ?? ''),
    sections: ((composition.section ?? []) as R[]).map((s) => ({
      code: String(s.code?.coding?.[0]?.code ?? ''),
      title: String(s.title ?? ''),
      lines: [...String(s.text?.div ?? '').matchAll(/<p>(.*?)<\/p>/gs)].map((m) => unescapeXhtml(m[1]!)).filter(Boolean),
    })),
  };
}

function unescapeXhtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
