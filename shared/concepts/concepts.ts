/**
 * The concepts the game teaches (docs/DESIGN.md, "What the game teaches", and the container
 * chapter's mechanics), as the concept check asks about them. Where a debrief card explains a
 * concept, the concept's id is the card's id (shared/debrief/card.ts), so a card can open the
 * questions about it. `para-full` has no card of its own; `volume`, `registry` and `hw-assist` are
 * the container chapter's cards.
 */
export const CONCEPT_IDS = [
  "shared-os", "leak", "occupancy", "hypervisor-type", "para-full", "hw-assist", "ostax", "licence-windows", "licence-hypervisor",
  "boot", "kernel", "compliance", "layers", "volume", "registry", "migration", "hardware", "gpu", "rent", "spike", "resize",
  "db-bottleneck", "packing",
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

export interface Bilingual {
  en: string;
  zh: string;
}

/** A concept's name as the projector's table and the teacher's setup show it. */
export const CONCEPT_TITLES: Record<ConceptId, Bilingual> = {
  "shared-os": { en: "One app per server: what sharing an OS risks", zh: "一应用一服务器：共用操作系统的风险" },
  leak: { en: "A memory leak and what contains it", zh: "内存泄漏及其隔离" },
  occupancy: { en: "Occupancy is not utilization", zh: "占用率不等于利用率" },
  "hypervisor-type": { en: "Type-1 vs type-2 hypervisors", zh: "裸金属架构与寄居架构" },
  "para-full": { en: "Full vs para-virtualization", zh: "全虚拟化与半虚拟化" },
  "hw-assist": { en: "Hardware-assisted virtualization", zh: "硬件辅助虚拟化" },
  ostax: { en: "Every VM carries a whole guest OS", zh: "每台虚拟机都背着一整套操作系统" },
  "licence-windows": { en: "Windows licences per VM or per host", zh: "Windows 许可证：按虚拟机还是按主机" },
  "licence-hypervisor": { en: "What a hypervisor licence buys", zh: "虚拟化软件的许可证买的是什么" },
  boot: { en: "VMs boot in minutes, containers in seconds", zh: "虚拟机分钟级启动，容器秒级启动" },
  kernel: { en: "Containers share the host's kernel", zh: "容器共享宿主机内核" },
  compliance: { en: "A kernel of their own for payments", zh: "给支付服务一个独立的内核" },
  layers: { en: "Images are built from shared layers", zh: "镜像由可共享的层构成" },
  volume: { en: "A container's writable layer vs a volume", zh: "容器的可写层与数据卷" },
  registry: { en: "Registries: where images come from", zh: "镜像仓库：镜像从哪里来" },
  migration: { en: "Resource pooling and live migration", zh: "资源池与在线迁移" },
  hardware: { en: "Failing hardware: moving work in time", zh: "硬件故障：及时转移负载" },
  gpu: { en: "A GPU job leaves the CPU idle", zh: "GPU 任务让 CPU 闲着" },
  rent: { en: "Buying vs renting capacity", zh: "买服务器还是按分钟租" },
  spike: { en: "Planning for a spike you cannot know exactly", zh: "应对无法精确预知的流量高峰" },
  resize: { en: "Scaling up: resizing an instance", zh: "纵向扩容：调整实例规格" },
  "db-bottleneck": { en: "The database as the bottleneck", zh: "数据库成为瓶颈" },
  packing: { en: "Packing: how many servers are enough", zh: "装箱：多少台服务器才够" },
};

/** The check a session starts with until the teacher picks: the lesson plan's core, a few minutes' worth. */
export const DEFAULT_CHECK: readonly ConceptId[] = ["shared-os", "occupancy", "hypervisor-type", "ostax", "boot", "kernel"];

/** How many questions a concept check asks (one per concept). */
export const CHECK_SIZE = { min: 4, max: 8 } as const;

export function isConceptId(id: string): id is ConceptId {
  return (CONCEPT_IDS as readonly string[]).includes(id);
}
