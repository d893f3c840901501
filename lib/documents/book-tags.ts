import "server-only";
import {
  beginMarkedContent,
  endMarkedContent,
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  PDFString,
  type PDFDocument,
  type PDFPage,
} from "pdf-lib";

/*
 * The board book's pages added to the agenda package's structure tree (PDF/UA), so that the book is one tagged
 * document (issue 20, point 3). The package (pdfkit, tagged) has a `Document` element; under it the book adds:
 *
 * - per bound paper, a `Sect` titled with its bookmark's text (`T`), in the paper's language (`Lang`) when it is not
 *   bilingual, whose content is each of the paper's pages, all of a page's content as one marked-content sequence
 *   (MCID 0): the paper's own tags, if it had any, are not carried over (its text is read in content order);
 * - for the page listing the papers not bound, a `Sect` with an `H2` (its title) and a `Link` per paper holding its
 *   line of text and its link annotation (an object reference, the annotation's `StructParent`);
 * - the page number and the security marking the book stamps on these pages are `Artifact`s (pagination).
 *
 * Each page's `StructParents` and each annotation's `StructParent` are new keys of the package's parent tree, after
 * its own; the outline item of each paper names its `Sect` (`SE`).
 */

export type BookTags = {
  /** A new `Sect` under the package's `Document` element (null when the package has no structure tree). */
  section(title: string, lang: string | null): PDFRef | null;
  /** All of `page`'s content so far as one marked-content sequence belonging to `section`. */
  markWholePage(page: PDFPage, section: PDFRef | null): void;
  /** Draws with `draw` inside a marked-content sequence of a new element `type` under `section`; answers the element. */
  markDrawn(page: PDFPage, section: PDFRef | null, type: string, draw: () => void): PDFRef | null;
  /** `annotation` as the content of `element` (an object reference). */
  markAnnotation(page: PDFPage, element: PDFRef | null, annotation: PDFRef): void;
  /** Draws with `draw` as an artifact (pagination: page numbers, the marking). */
  artifact(page: PDFPage, draw: () => void): void;
  /** Writes the parent tree's new entries. */
  finish(): void;
};

export function bookTags(book: PDFDocument): BookTags {
  const context = book.context;
  const root = book.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const parentTree = root?.lookupMaybe(PDFName.of("ParentTree"), PDFDict);
  const nums = parentTree?.lookupMaybe(PDFName.of("Nums"), PDFArray);
  // The package's top element (its `Document`), to which the sections are added; else the root itself.
  const rootKids = root?.get(PDFName.of("K"));
  const first = rootKids instanceof PDFArray ? rootKids.get(0) : rootKids;
  const top = first instanceof PDFRef ? first : null;
  const tagged = root !== undefined && nums !== undefined && top !== null;

  let nextKey = 0;
  if (tagged) {
    for (let index = 0; index < nums.size(); index += 2) {
      const key = nums.lookup(index, PDFNumber).asNumber();
      nextKey = Math.max(nextKey, key + 1);
    }
    const declared = root.lookupMaybe(PDFName.of("ParentTreeNextKey"), PDFNumber)?.asNumber();
    if (declared !== undefined) nextKey = Math.max(nextKey, declared);
  }
  /** Per page: the elements its MCIDs 0, 1, … belong to (the parent tree's array for the page). */
  const pageEntries = new Map<PDFPage, { key: number; owners: PDFRef[] }>();
  const objectEntries: { key: number; owner: PDFRef }[] = [];

  const kidsOf = (element: PDFDict): PDFArray => {
    const kids = element.get(PDFName.of("K"));
    if (kids instanceof PDFArray) return kids;
    const array = context.obj([]);
    if (kids !== undefined) array.push(kids);
    element.set(PDFName.of("K"), array);
    return array;
  };
  const addElement = (type: string, parent: PDFRef, entries: Record<string, unknown> = {}): PDFRef => {
    const ref = context.register(context.obj({ Type: "StructElem", S: type, P: parent, K: [], ...entries } as never));
    kidsOf(context.lookup(parent, PDFDict)).push(ref);
    return ref;
  };
  /** The page's next MCID, owned by `owner`. */
  const nextMcid = (page: PDFPage, owner: PDFRef): number => {
    let entry = pageEntries.get(page);
    if (!entry) {
      entry = { key: nextKey++, owners: [] };
      pageEntries.set(page, entry);
      page.node.set(PDFName.of("StructParents"), PDFNumber.of(entry.key));
      // PDF/UA: the tab order of a page with annotations follows the structure.
      page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
    }
    entry.owners.push(owner);
    return entry.owners.length - 1;
  };
  const contentReference = (page: PDFPage, mcid: number) => context.obj({ Type: "MCR", Pg: page.ref, MCID: mcid });
  const begin = (type: string, mcid: number) => PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(type), context.obj({ MCID: mcid }) as unknown as PDFName]);

  return {
    section(title, lang) {
      if (!tagged) return null;
      return addElement("Sect", top, { T: PDFHexString.fromText(title), ...(lang ? { Lang: PDFString.of(lang) } : {}) });
    },

    markWholePage(page, section) {
      if (!section) return;
      // A copied page keeps its own paper's keys: they mean nothing here.
      page.node.delete(PDFName.of("StructParents"));
      const mcid = nextMcid(page, section);
      kidsOf(context.lookup(section, PDFDict)).push(contentReference(page, mcid));
      const open = context.register(context.contentStream([begin("Sect", mcid), pushGraphicsState()]));
      const close = context.register(context.contentStream([popGraphicsState(), endMarkedContent()]));
      page.node.normalize();
      page.node.wrapContentStreams(open, close);
    },

    markDrawn(page, section, type, draw) {
      if (!section) {
        draw();
        return null;
      }
      const element = addElement(type, section, { Pg: page.ref });
      const mcid = nextMcid(page, element);
      kidsOf(context.lookup(element, PDFDict)).push(PDFNumber.of(mcid));
      page.pushOperators(begin(type, mcid));
      draw();
      page.pushOperators(endMarkedContent());
      return element;
    },

    markAnnotation(page, element, annotation) {
      if (!element) return;
      const key = nextKey++;
      objectEntries.push({ key, owner: element });
      context.lookup(annotation, PDFDict).set(PDFName.of("StructParent"), PDFNumber.of(key));
      kidsOf(context.lookup(element, PDFDict)).push(context.obj({ Type: "OBJR", Obj: annotation, Pg: page.ref }));
    },

    artifact(page, draw) {
      if (!tagged) return draw();
      page.pushOperators(beginMarkedContent("Artifact"));
      draw();
      page.pushOperators(endMarkedContent());
    },

    finish() {
      if (!tagged) return;
      const entries = [...[...pageEntries.values()].map(({ key, owners }) => ({ key, value: context.obj(owners) as PDFArray | PDFRef })), ...objectEntries.map(({ key, owner }) => ({ key, value: owner as PDFArray | PDFRef }))];
      for (const { key, value } of entries.sort((a, b) => a.key - b.key)) {
        nums.push(PDFNumber.of(key));
        nums.push(value);
      }
      root.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(nextKey));
    },
  };
}
