/**
 * The scenario warnings (messages/catalog.ts WARNINGS) in Bahasa Indonesia,
 * as the commands print them under `--lang id` (validate, run, compare,
 * sweep, sensitivity, national, national-compare): loaded only then, so an
 * English command line loads none of it.
 *
 * One entry per warning code, from the same arguments as the English; the
 * table's type makes every code have one (no warning falls back to English),
 * and tests/messages/warning-text-id.test.ts checks each against its English
 * twin. Words as the Indonesian reports and docs/GLOSSARY.id.md have them
 * (perangkat daerah for an agency, pemerintah daerah for a government,
 * layanan, memenuhi syarat, uji coba, alih kelola, akhir periode simulasi,
 * memayungi, ...). What the file says is kept as written: field and
 * parameter names and their values (`money: false`, `funding: national`,
 * `owner`, `vendor`), ids, paths, months (YYYY-MM) and numbers, with their
 * decimal point, as the Indonesian problems (✗ lines, messages/issue-text.ts)
 * keep a value to write in the file; docs/ file names too. A number difusi
 * computes and shows only to be read (not written in the file) takes the
 * decimal comma of the Indonesian reports (koma: 62,5), and a percentage is
 * written closed up as they write it (70%).
 */
import { firstOf, percentAsFraction, percentTyped, SHOWN_GOVERNMENTS } from './catalog.js';
import type { DesignUse, ScenarioWarning, WARNINGS, WarningText } from './catalog.js';

/** The Indonesian twin of each WARNINGS entry: the same arguments, every code. */
type WarningsId = { readonly [C in keyof typeof WARNINGS]: (...args: Parameters<(typeof WARNINGS)[C]>) => string };

/** Ids quoted as the English quotes them. */
const q = (ids: readonly string[]): string => ids.map((id) => `"${id}"`).join(', ');
/** As the catalog's quote(): a JSON string. */
const json = (ids: readonly string[]): string => ids.map((id) => JSON.stringify(id)).join(', ');
/** A computed number as the Indonesian reports write it: 62.5 is 62,5. */
const koma = (n: number): string => String(n).replace('.', ',');
/** "a, b dan c": the reports' list (report/i18n/id.ts daftar). */
const dan = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`);

/** How many government ids a grouped warning names before "dan N lainnya": as many as the English names. */
const SHOWN = SHOWN_GOVERNMENTS;

/** whichGovernments in Indonesian: "pemerintah daerah "a"", "5 pemerintah daerah ("a", "b", "c" dan 2 lainnya)", "semua 552 pemerintah daerah". */
export function whichGovernmentsId(ids: readonly string[], total: number): string {
  if (ids.length === 1) return `pemerintah daerah ${q(ids)}`;
  if (ids.length === total) return `semua ${total} pemerintah daerah`;
  if (ids.length <= SHOWN) return `pemerintah daerah ${q(ids)}`;
  return `${ids.length} pemerintah daerah (${q(ids.slice(0, SHOWN))} dan ${ids.length - SHOWN} lainnya)`;
}

/** The first five of a list, then "dan N lainnya" (the English "and N more"). */
const firstFive = (items: readonly string[]): string => firstOf(items, 5, (rest) => `dan ${rest} lainnya`);

/** What a pilot does after its vendor has left (the English PILOT_PAYS_ON). */
const PILOT_PAYS_ON = 'perangkat daerah yang mengadopsi sesudah vendor keluar tetap mendapat mata anggaran uji coba, dan pendanaan layanan itu tetap dihitung terbuka';

/** What the vendor's exit ends (the English "pilot lines lost by betrayal; ..."). */
const EXIT_ENDS = 'mata anggaran uji coba hilang karena pengkhianatan (istilah Callon); layanan milik vendor yang tidak dimiliki perangkat daerahnya dihentikan menurut vendor_exit_discontinue';

/** What a design's method runs (catalog.ts designUse). */
function designUseId(use: DesignUse): string {
  if ('resamples' in use) return `${use.method} tidak menghitung ukuran sensitivitas, jadi tidak ada yang disampel ulang`;
  switch (use.method) {
    case 'morris':
      return `morris menjalankan trajectories (${use.trajectories}) × (faktor + 1) = ${use.points} titik, setiap faktor pada ${use.levels} tingkat dalam [min, max]-nya (design.levels)`;
    case 'sobol':
      return `sobol menjalankan samples (${use.samples}) × (faktor + 2) = ${use.points} titik`;
    case 'lhs':
      return `lhs menjalankan ${use.points} titik (design.points), setiap faktor disampel di sepanjang [min, max]-nya`;
    default:
      return `grid menjalankan setiap kombinasi nilai atau tingkat faktor: ${use.points} titik untuk ${use.factors} faktor`;
  }
}

export const WARNINGS_ID: WarningsId = {
  no_eligible_agency: (innovation, eligible) =>
    `${innovation}: tidak ada perangkat daerah yang memenuhi syarat untuknya (${eligible.length === 0 ? 'eligible kosong' : `eligible: ${json(eligible)}`}): ` +
    `tidak ada yang dapat mengadopsinya, tetapi layanan ini tetap diluncurkan dan dihitung (tidak pernah diadopsi; dalam simulasi nasional, gagal total bagi pemerintah daerah yang meluncurkannya) ` +
    `(sebut di eligible perangkat daerah atau jenis yang dimiliki skenario; dalam berkas nasional, keluarkan pemerintah daerah seperti itu dengan pemilih governments layanan itu)`,
  design_setting_unused: (field, method, byOption, usedBy, use) =>
    `${field} tidak dipakai oleh metode ${method}${byOption ? ' (--method)' : ''} (isian ini untuk ${dan(usedBy)}) dan tidak mengubah apa pun: ${designUseId(use)}`,
  sobol_samples_not_power_of_two: (samples, below) =>
    `design.samples ${samples} bukan bilangan pangkat dua: titik Sobol tersebar merata hanya pada bilangan pangkat dua (${below} atau ${2 * below}), sehingga indeksnya lebih lambat konvergen`,
  experiment_section_unread: (section, command, readers) =>
    `${section} tidak dibaca oleh difusi ${command} dan tidak mengubah apa pun (bagian ini untuk ${dan(readers.map((r) => `difusi ${r}`))})`,
  integrated_without_platform: (innovation, month) =>
    `${innovation} menetapkan integrated_from (${month}) tetapi tidak menyebut platform: penerapannya terintegrasi ke dalam sistem pemerintah kota sejak ${month} ` +
    `(docs/MODEL.md 7.3: pemakaian lebih tinggi, risiko penghentian lebih rendah, tidak terkena larangan aplikasi mandiri), tanpa platform yang dapat berhenti beroperasi ` +
    `(hapus integrated_from untuk layanan yang berdiri sendiri, atau sebut platformnya)`,
  unfunded_mandate_inert: (mandate, services) =>
    `${mandate}: money bernilai false, dan tidak ada pemerintah daerah yang dijangkaunya yang memiliki dana nasional untuk ${json(services)} selama mandat itu berlaku ` +
    `(funding: national, atau mandat atau program berdana di sana), sehingga mandat ini tidak berdampak apa pun: mandat tanpa dana hanya memayungi dan mendorong adopsi ` +
    `di tempat layanan itu memiliki dana nasional (money: true mendanainya)`,
  unfunded_programme_inert: (programme, strength, services) =>
    `${programme}: strength bernilai ${strength} tetapi money bernilai false, dan tidak ada pemerintah daerah anggota yang memiliki dana nasional untuk ${json(services)} ` +
    `selama menjadi anggota (funding: national, atau mandat atau program berdana di sana), sehingga strength itu tidak berdampak apa pun: regulasi program tanpa dana ` +
    `hanya memayungi dan mendorong adopsi di tempat layanan itu memiliki dana nasional (money: true mendanainya; bergabung tetap meluncurkan layanannya)`,
  unfunded_mandate_partly_inert: (mandate, services, acting) =>
    `${mandate}: money bernilai false, dan tidak ada pemerintah daerah yang dijangkaunya yang memiliki dana nasional untuk ${json(services)} selama mandat itu berlaku ` +
    `(funding: national, atau mandat atau program berdana di sana), sehingga mandat ini tidak berdampak apa pun bagi layanan ${services.length === 1 ? 'itu' : 'tersebut'} ` +
    `(mandat ini bekerja untuk ${json(acting)}): mandat tanpa dana hanya memayungi dan mendorong adopsi di tempat layanan itu memiliki dana nasional ` +
    `(money: true mendanai layanan yang dipayunginya, atau beri layanan ${services.length === 1 ? 'itu' : 'tersebut'} dana nasional)`,
  unfunded_programme_partly_inert: (programme, strength, services, acting) =>
    `${programme}: strength bernilai ${strength} tetapi money bernilai false, dan tidak ada pemerintah daerah anggota yang memiliki dana nasional untuk ${json(services)} ` +
    `selama menjadi anggota (funding: national, atau mandat atau program berdana di sana), sehingga strength itu tidak berdampak apa pun bagi ` +
    `layanan ${services.length === 1 ? 'itu' : 'tersebut'} (strength itu bekerja untuk ${json(acting)}): regulasi program tanpa dana ` +
    `hanya memayungi dan mendorong adopsi di tempat layanan itu memiliki dana nasional (money: true mendanai layanan yang dipayunginya, atau beri ` +
    `layanan ${services.length === 1 ? 'itu' : 'tersebut'} dana nasional; bergabung tetap meluncurkan layanannya)`,

  parameter_unread_in_city: (name, value) =>
    `parameters.${name} bernilai ${value}: parameter ini hanya menggolongkan layanan secara utuh pada skala Heeks untuk pola validasi P4b dan P5b (difusi patterns) dan untuk skenario nasional; ` +
    `tidak ada berkas atau angka hasil simulasi kota yang membacanya, sehingga simulasi berkas ini memberi hasil yang sama dengan berkas tanpa parameter itu`,
  theta_sd_zero: (mLate) =>
    `parameters.theta_sd bernilai 0: skor-z ambang setiap perangkat daerah adalah 0, awal pita mayoritas akhir (docs/MODEL.md 2.3), ` +
    `sehingga setiap perangkat daerah tergolong mayoritas akhir` +
    (mLate !== 1
      ? ` dan risiko penghentiannya dikalikan m_late (${mLate}); untuk perangkat daerah yang serupa dalam segala hal, tetapkan juga parameters.m_late menjadi 1`
      : ''),
  category_ignored: (index, id, theta, category, follows) =>
    `opds.list[${index}] "${id}" memberi theta ${theta} dan category ${category}: perangkat daerah itu berjalan dengan theta-nya, yang kategorinya ${follows}, ` +
    `sehingga category yang diberikan diabaikan (hapus salah satu dari keduanya)`,
  vendor_owner_without_vendor: (innovation, vendors, platform) =>
    `${innovation}: owner bernilai vendor, tetapi tidak ada vendor yang menjalankannya (${vendors === 0 ? 'layanan ini tidak menyebut vendor, dan skenario tidak memilikinya' : `layanan ini tidak menyebut satu pun dari ${vendors} vendor skenario`}` +
    `${platform ? ', dan platformnya tidak dikelola vendor mana pun' : ''}): ` +
    `keluarnya vendor (contract_end, docs/MODEL.md 7.1) tidak dapat berdampak padanya (sebut vendornya dengan vendor: <id>)`,
  u_fail_above_target: (uFail, uTarget) =>
    `parameters.u_fail (${uFail}) lebih besar daripada parameters.u_target (${uTarget}): penerapan layanan yang pemakaiannya di antara keduanya mencapai targetnya ` +
    `(tanpa kesenjangan, docs/MODEL.md 7.5) tetapi tetap dihitung bermasalah (kekecewaan, proporsi bermasalah pada pembelajaran tiga putaran, pemakai tidak terlibat)`,
  t_low_above_stable: (tLow, tStable) =>
    `parameters.T_low (${tLow}) lebih besar daripada parameters.T_stable (${tStable}): skor translasi di antara keduanya sekaligus dihitung stabil ` +
    `(menuju rutinisasi, docs/MODEL.md 7.4) dan lemah (risiko m_low_T, 7.8)`,
  weight_negative: (name, value) => `parameters.${name} (${value}) bernilai negatif: arah yang diberikan docs/MODEL.md 7.3 pada sukunya dalam utilitas menjadi terbalik`,
  budget_factor_beyond_effect: (index, months, factor, acts) =>
    `budget_shocks[${index}] "${months}": factor ${factor} mengalikan iklim anggaran B dengan ${factor}, tetapi mulai B = ${koma(acts)} setiap peluang yang dikalikan B ` +
    `(perpanjangan mata anggaran, kemajuan tahap: docs/MODEL.md 7.1, 7.4) sudah bernilai 1 dan tekanan biaya 0 (7.3), sehingga simulasi berjalan seperti dengan ${koma(acts)}` +
    // The fraction is what to write in the file: with its decimal point.
    (percentTyped(factor) ? `: maksudnya persentase? ${percentAsFraction(factor)} adalah ${koma(factor)}%` : ''),
  seeds_outside_eligible: (innovation, ids) => {
    const one = ids.length === 1;
    return (
      `${innovation}: ${one ? 'pengadopsi saat peluncuran (initial_adopters)' : `${ids.length} pengadopsi saat peluncuran (initial_adopters)`} ${firstFive(ids.map((id) => `"${id}"`))} ` +
      `tidak termasuk perangkat daerah yang memenuhi syarat untuknya dan tidak mengadopsinya saat peluncuran ` +
      `(hanya perangkat daerah yang memenuhi syarat yang mengadopsi: tambahkan ${one ? 'perangkat daerah itu' : 'perangkat daerah tersebut'} ke eligible, atau hapus dari initial_adopters)`
    );
  },
  costly_without_seed: (innovation, complexK) =>
    `${innovation} memiliki costly: true, tetapi tidak ada perangkat daerah yang memenuhi syarat yang mengadopsinya saat peluncuran: sebuah perangkat daerah baru mengadopsinya bila ` +
    `min(complex_k = ${complexK}, rekannya yang memenuhi syarat) rekan sudah aktif, sehingga tidak ada yang dapat memulai ` +
    `kecuali perangkat daerah yang memenuhi syarat tanpa rekan yang memenuhi syarat (tambahkan initial_adopters di antara perangkat daerah yang memenuhi syarat, atau costly: false)`,
  vendor_left_before_launch: (innovation, launch, vendor, contractEnd) =>
    `${innovation} diluncurkan pada ${launch}, sesudah vendornya "${vendor}" keluar (contract_end ${contractEnd}): ` +
    `keluarnya vendor terjadi sebelum layanan itu ada dan tidak berdampak padanya`,
  vendor_leaves_before_pilot_end: (innovation, vendor, contractEnd, pilotEnd) =>
    `${innovation}: vendornya "${vendor}" keluar pada ${contractEnd} (contract_end), sebelum uji cobanya berakhir pada ${pilotEnd}: ` +
    `keluarnya vendor (${EXIT_ENDS}) terjadi sebelum keputusan alih kelola uji coba itu, ` +
    `dan uji coba tetap membayar hingga berakhir (${PILOT_PAYS_ON})`,
  vendor_leaves_mid_pilot: (innovation, vendor, contractEnd, pilotEnd) =>
    `${innovation}: vendornya "${vendor}" keluar pada ${contractEnd} (contract_end), selama uji cobanya berjalan (uji coba itu akan berakhir pada ${pilotEnd}, sesudah akhir periode simulasi): ` +
    `keluarnya vendor (${EXIT_ENDS}) terjadi di tengah uji coba, dan alih kelola tidak pernah diputuskan; ` +
    `uji coba tetap membayar hingga akhir periode simulasi (${PILOT_PAYS_ON})`,
  takeover_not_pilot: (innovation, funding) =>
    `${innovation} menetapkan takeover tetapi tidak didanai sebagai uji coba (funding: ${funding}): tidak ada akhir uji coba untuk dialihkelolakan`,
  takeover_after_horizon: (innovation, pilotEnd, horizon) =>
    `${innovation} menetapkan takeover, tetapi uji cobanya berakhir pada ${pilotEnd}, sesudah akhir periode simulasi (${horizon}): alih kelola tidak pernah diputuskan`,
  platform_shuts_before_integration: (innovation, month, platform, shuts, custodian) =>
    `${innovation} terintegrasi sejak ${month}, tetapi platformnya "${platform}" berhenti beroperasi pada ${shuts}` +
    `${custodian !== undefined ? ` (bersama pengelolanya "${custodian}")` : ''}: integrasi melalui platform itu tidak pernah terjadi`,
  anchor_after_lapse: (regulation, innovation, launch, to) =>
    `${regulation} memayungi "${innovation}", yang diluncurkan pada ${launch}, sesudah regulasi itu tidak berlaku lagi (to ${to}): payung itu tidak pernah bekerja`,
  anchor_binds_none_eligible: (regulation, innovation) =>
    `${regulation} memayungi "${innovation}", tetapi applies_to-nya tidak mengikat satu pun perangkat daerah yang memenuhi syarat untuknya: ` +
    `payung itu tidak pernah bekerja (tanpa daya dorong, tanpa mata anggaran yang terlindungi, tanpa risiko penghentian yang lebih rendah; docs/MODEL.md 7.1)`,
  sponsor_leaves_before_launch: (leader, innovation, leaves, launch) =>
    `${leader} menjadi sponsor "${innovation}" tetapi berhenti menjabat (${leaves}) sebelum layanan itu diluncurkan (${launch}): ` +
    `kepala daerah itu tidak pernah mendorong adopsinya; dukungan itu hanya berlanjut melalui peralihan (sponsor_continuity)`,
  control_characters: (places) =>
    `karakter kendali atau karakter dua arah di ${firstFive(places)}: laporan dan grafik tidak menampilkannya (docs/OUTPUTS.md, bagian "The report")`,
  lever_names_no_value: (index, path) =>
    `levers[${index}] (path ${path}) tidak menunjuk nilai apa pun dalam skenario ini: explorer tidak menampilkannya (tuas hanya dipakai di explorer; tidak ada hasil yang berubah)`,
  arm_months_differ: (start, months, baseStart, baseMonths) =>
    `dimulai ${start} dan berjalan ${months} bulan, skenario dasar ${baseStart} dan ${baseMonths} bulan: ` +
    `hasil tiap skenario diukur pada bulan yang berbeda, dan selisihnya ikut memuat perbedaan itu`,
  variant_draws_unused: (own, seed, replications) =>
    `${dan([...(own.seed === undefined ? [] : [`seed ${own.seed}`]), ...(own.replications === undefined ? [] : [`replications ${own.replications}`])])} miliknya sendiri ` +
    `tidak dipakai: setiap skenario menjalankan seed ${seed}${replications === undefined ? '' : ` dan ${replications} replikasi`} milik skenario dasar, ` +
    `sehingga replikasi r setiap skenario memakai bilangan acak yang sama (bilangan acak bersama)`,

  // Continuing an interrupted run (--resume): a run's folder of work is a "folder kerja" (a plain rendering, not a glossary
  // term); a comparison's arm a skenario (GLOSSARY.id.md).
  part_meta_rebuilt: (file, problem, unit) =>
    `${file} ${problem === 'missing' ? 'tidak ada' : problem === 'unreadable' ? 'tidak terbaca' : 'tidak ada atau tidak terbaca'}: dibuat ulang; ` +
    `${unit === 'replication' ? 'replikasi' : 'simulasi titik desain'} yang sudah selesai dipertahankan setelah checksum-nya diperiksa`,
  part_not_resumed: (dir, file, why) =>
    `${dir}: ${why === 'damaged' ? `${file} tidak cocok dengan checksum-nya (rusak)` : `folder kerja ini ditulis oleh build difusi yang lain${why === 'unrecorded-build' ? ' (build dari masa sebelum folder kerja mencatat build-nya)' : ''}`}: dimulai dari awal`,
  stored_arm_other_build: (why) =>
    `folder yang sudah ada ditulis oleh build difusi yang lain${why === 'unrecorded-build' ? ' (manifest.json-nya tidak mencatat build: ditulis difusi dari masa sebelum folder nasional mencatatnya)' : ''}, yang angkanya bisa berbeda dari build ini: tidak dipakai ulang, skenario ini dijalankan lagi dan menggantikannya`,
  part_records_dropped: (dir, dropped, unit) =>
    unit === 'replication'
      ? `${dir}: ${dropped} catatan yang rusak atau tidak lengkap dibuang; replikasi ${dropped === 1 ? 'itu' : 'tersebut'} dijalankan lagi`
      : `${dir}: ${dropped} catatan yang rusak dibuang; simulasi titik desain ${dropped === 1 ? 'itu' : 'tersebut'} dijalankan lagi`,
  part_other_run: (dir) => `${dir} milik simulasi lain (pengaturan berbeda): dimulai dari awal`,
  part_discarded: (dir, kept, job) =>
    `membuang ${kept} ${job === 'run' ? 'replikasi dari simulasi' : job === 'sweep' ? 'simulasi titik desain dari variasi parameter (sweep)' : 'simulasi titik desain dari analisis sensitivitas'} ` +
    `sebelumnya yang terhenti di ${dir} (--resume mempertahankannya)`,
  comparison_discarded: (finished, replications, unfinished) =>
    `dibuang: ${dan([
      ...(finished > 0 ? [`${finished} skenario yang sudah selesai`] : []),
      ...(replications > 0 ? [`${replications} replikasi dari ${unfinished === 1 ? 'satu skenario' : `${unfinished} skenario`} yang belum selesai`] : []),
    ])}, dari perbandingan sebelumnya yang terhenti (--resume mempertahankannya)`,
  precision_arms_discarded: (arms) =>
    `dibuang: ${arms} skenario yang sudah selesai, yang manifest.json-nya tidak mencatat jumlah replikasi yang ditemukan --precision: replikasi skenario-skenario itu ditambah lagi dari awal`,
  arm_damaged: (damage) =>
    `skenario yang sudah selesai sebelumnya rusak (${
      damage.kind === 'manifest-unreadable'
        ? 'manifest.json tidak ada atau bukan JSON yang valid'
        : damage.kind === 'no-checksums'
          ? 'manifest.json tidak mencantumkan checksum'
          : damage.kind === 'other-run'
            ? 'manifest.json bukan milik simulasi skenario ini (hash skenario atau jumlah replikasi lain)'
            : damage.kind === 'file-missing'
              ? `${damage.file} tidak ada`
              : `${damage.file} tidak cocok dengan checksum-nya di manifest.json (terpotong atau berubah)`
    }): skenario itu dijalankan lagi`,
  png_option_svg_only: (option, folder) =>
    `${option} tidak berpengaruh pada ${folder === 'national' ? 'folder nasional' : 'folder perbandingan nasional'}: grafiknya hanya SVG, dan tidak ada PNG yang ditulis dengan opsi mana pun`,

  in_governments: (ids, total, warning) => `${whichGovernmentsId(ids, total)}: ${warning}`,
  implicit_vendor: (innovation, vendor) =>
    `${innovation}: owner bernilai vendor tetapi layanan ini tidak menyebut vendor, sehingga mendapat satu-satunya vendor pemerintah daerah itu, "${vendor}" ` +
    `(dan tanpa vendor di pemerintah daerah yang tidak memiliki vendor atau memiliki beberapa): keluarnya vendor mana (contract_end) yang berdampak padanya bergantung pada vendor yang menjangkau setiap pemerintah daerah ` +
    `(sebut vendornya dengan vendor: <id>)`,
  districts_beside_city_opds: (ids, total) =>
    `${whichGovernmentsId(ids, total)}: districts ditetapkan di samping city.opds, yang memberikan seluruh perangkat daerahnya: ` +
    `districts diabaikan (city.opds-nya memiliki jumlah perangkat daerah kecamatan yang lain; cantumkan kecamatan di city.opds, atau hapus districts)`,
  province_typo: (ids, total, name, meant) =>
    `${whichGovernmentsId(ids, total)}: province "${name}" bukan id pemerintah provinsi mana pun dalam berkas ini (maksud Anda "${meant}"?): ` +
    `seperti tertulis, ${ids.length === 1 ? 'pemerintah daerah itu menjadi provinsi tersendiri' : 'pemerintah daerah tersebut menjadi provinsi tersendiri'}, ` +
    `tanpa rekan sejawat seprovinsi${ids.length === 1 ? '' : ' selain satu sama lain'}, dan provinsi tersendiri pula dalam hasil`,
  template_type_missing: (type, ids, total, coordinator) => {
    const only = [coordinator ? 'koordinator (kominfo)' : '', type === 'province' ? '' : 'satu perangkat daerah kecamatan untuk setiap kecamatan (districts)'].filter((x) => x !== '');
    return (
      `template.agencies tidak memiliki entri "${type}": ${whichGovernmentsId(ids, total)} (${type}, tanpa city.opds) ` +
      `tidak mendapat perangkat daerah dari template, hanya ${dan(only)} ` +
      `(tambahkan template.agencies.${type}, atau city.opds pada ${ids.length === 1 ? 'pemerintah daerah itu' : 'setiap pemerintah daerah tersebut'})`
    );
  },
  districts_on_province: (ids, total) =>
    `${whichGovernmentsId(ids, total)}: districts ditetapkan pada pemerintah provinsi, yang tidak memiliki perangkat daerah kecamatan: ` +
    `districts diabaikan (districts hanya membentuk perangkat daerah kecamatan di kabupaten dan kota)`,
  mandate_reaches_no_government: (mandate) => `${mandate}: pemilih governments-nya tidak cocok dengan pemerintah daerah mana pun, sehingga mandat ini tidak berdampak apa pun`,
  programme_no_members: (programme) => `${programme}: kohortnya tidak memiliki anggota, sehingga program ini tidak berdampak apa pun`,
  anchors_nowhere: (entry, services) =>
    `${entry}: tidak ada pemerintah daerah yang dijangkaunya yang memiliki ${q(services)} (pemilih governments layanan itu, atau portfolio: false), ` +
    `sehingga entri ini tidak berdampak apa pun bagi layanan ${services.length === 1 ? 'itu' : 'tersebut'}`,
  cohort_short: (programme, cohort, count, drawn, types) =>
    `${programme} kohort "${cohort}": select.count bernilai ${count}, tetapi hanya tersisa ${drawn} pemerintah daerah untuk dipilih ` +
    `(berjenis ${types.join(', ')}, tidak berada dalam kohort program yang lebih awal dan tidak tercantum dalam kohort mana pun), sehingga kohort ini memilih ${drawn}`,
  head_after_horizon: (cycle, heads, from, horizon) =>
    `${cycle}: ${heads.length === 1 ? `heads[${heads[0]}] menjabat` : `heads[${heads[0]}] dan ${heads.length - 1} kepala daerah sesudahnya menjabat`} mulai ${from}, ` +
    `sesudah akhir periode simulasi (${horizon}), sehingga tidak mengubah apa pun dalam simulasi ini (kalender yang dipakai bersama simulasi yang lebih panjang boleh mencantumkannya; bila tanggal itu dimaksudkan berada dalam periode simulasi, berarti ada salah ketik)`,
};

/** A warning in Bahasa Indonesia: the command line's ⚠ lines under --lang id. */
export const warningTextId: WarningText = (w: ScenarioWarning) => (WARNINGS_ID[w.code] as (...args: readonly unknown[]) => string)(...w.args);
