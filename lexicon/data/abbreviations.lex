# abbreviations.lex — words written with a final dot that do not end a
# sentence. Write them with or without the dot; case does not matter.
# [abbreviations final] are abbreviations that often end a sentence as well
# ("etc.", "Sr."): before a capital letter they end it, elsewhere not.
# A single capital letter with a dot (an initial: "J. de Vries") never ends a
# sentence, and neither does a dot not followed by white space ("3.5", "o.a.").

[abbreviations]
nl: bijv.
nl: bv.
nl: o.a.
nl: m.b.t.
nl: t.a.v.
nl: i.v.m.
nl: d.w.z.
nl: z.g.a.
nl: zgn.
nl: m.n.
nl: n.a.v.
nl: i.p.v.
nl: o.b.v.
nl: m.i.v.
nl: t.z.t.
nl: c.q.
nl: a.s.
nl: z.s.m.
nl: jo.
nl: blz.
nl: vgl.
nl: dhr.
nl: mevr.
nl: drs.
nl: ir.
nl: ing.
nl: mln.
nl: mld.
nl: resp.
nl: evt.
nl: incl.
nl: excl.
nl: Stb.
nl: Kamerstukken.
any: art.
any: nr.
any: ca.
any: p.
any: pp.
any: mr.
any: dr.
any: prof.
any: no.
any: vol.
any: par.
en: e.g.
en: i.e.
en: mrs.
en: ms.
en: st.
en: nos.
en: vs.
en: cf.
en: fig.
en: approx.
en: para.
en: dept.
en: gov.

[abbreviations final]
nl: jl.
nl: enz.
nl: e.a.
nl: e.d.
nl: Sv.
nl: Rv.
any: Sr.
any: etc.
en: jr.
en: inc.
en: ltd.
en: al.
en: u.s.
en: u.k.
