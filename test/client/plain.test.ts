/** Synced rows reach the store as plain values, whether they come from the live room or from engine state. */
import { describe, expect, it } from "vitest";
import { ArraySchema, MapSchema, Schema, type } from "@colyseus/schema";
import { toPlain } from "../../client/src/model/plain";

class Item extends Schema {
  @type("string") id = "";
  @type("number") load = 0;
}

class Room extends Schema {
  @type("number") tick = 0;
  @type([Item]) items = new ArraySchema<Item>();
  @type({ map: "number" }) demand = new MapSchema<number>();
}

describe("plain rows", () => {
  it("copies a synced schema into arrays and records that nothing changes under the reader", () => {
    const room = new Room();
    room.tick = 7;
    const item = new Item();
    item.id = "i1";
    item.load = 35;
    room.items.push(item);
    room.demand.set("web", 120);
    const plain = toPlain(room);
    expect(plain).toEqual({ tick: 7, items: [{ id: "i1", load: 35 }], demand: { web: 120 } });
    item.load = 80;
    expect(plain.items[0].load).toBe(35);
  });

  it("turns maps and lists built from engine state into the same shape", () => {
    const rows = { tick: 7, items: [{ id: "i1", load: 35 }], demand: new Map([["web", 120]]) as ReadonlyMap<string, number> };
    const plain = toPlain(rows);
    expect(plain).toEqual({ tick: 7, items: [{ id: "i1", load: 35 }], demand: { web: 120 } });
    expect(plain.demand.web).toBe(120);
  });
});
