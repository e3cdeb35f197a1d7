// Thai text of operational states: the database away (503), the embedded database's one owner,
// a PDF still being made.
export const ops = {
  unavailableTitle: 'ระบบไม่พร้อมให้บริการชั่วคราว',
  unavailableBody: 'ระบบติดต่อฐานข้อมูลไม่ได้ในขณะนี้ ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  unavailableRetry: (s: string) => `หน้านี้จะลองใหม่เองในอีก ${s} วินาที`,
  unavailableApi: 'ระบบติดต่อฐานข้อมูลไม่ได้ชั่วคราว ยังไม่ได้บันทึกคำขอนี้ กรุณาส่งใหม่ภายหลัง',
  tryAgain: 'ลองอีกครั้ง',
  databaseInUse: (dir: string, pid: string) =>
    `ฐานข้อมูลในโฟลเดอร์ ${dir} กำลังถูกใช้โดยโปรแกรม Open ITAS อีกตัวหนึ่ง (process ${pid}) ` +
    'ฐานข้อมูลแบบฝังตัวเปิดได้ทีละโปรแกรมเท่านั้น และไม่มีสิ่งใดถูกบันทึกจากคำสั่งนี้: ' +
    'หยุดเซิร์ฟเวอร์ก่อนแล้วสั่งใหม่ หรือทำรายการนี้ผ่านหน้าเว็บหรือ API ของเซิร์ฟเวอร์ที่กำลังทำงานอยู่',
  pdfPendingTitle: 'กำลังจัดทำไฟล์ PDF',
  pdfPendingBody: 'กำลังจัดทำรายงานฉบับ PDF ใช้เวลาไม่เกินหนึ่งนาที เมื่อเสร็จแล้วการดาวน์โหลดจะเริ่มเอง',
  pdfPendingRefresh: (s: string) => `หน้านี้จะตรวจสอบอีกครั้งทุก ${s} วินาที`,
  pdfPendingLink: 'ดาวน์โหลด PDF',
  pdfBackToReport: 'กลับไปที่รายงาน',
};
